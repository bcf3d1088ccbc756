"use client";

import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { formatRelative } from "~/lib/format";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { DetailList } from "../states/DetailList";
import { StatusBadge } from "./StatusBadge";
import type { CalendlyIntegration } from "./types";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

const LABEL = {
  CONNECTED: { tone: "ok", text: "Connected" },
  ERROR: { tone: "error", text: "Connection error" },
  UNKNOWN: { tone: "neutral", text: "Not checked" },
  RECONNECT_NEEDED: { tone: "error", text: "Reconnect needed" },
} as const;

export function ConnectionStatus({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const { connection } = calendly;
  const status = LABEL[connection.status] ?? LABEL.UNKNOWN;

  const test = useMutation(
    trpc.integrations.calendly.testConnection.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        const count = result.eventTypes.length;
        notifySuccess(
          `Connected as ${result.user.name} (${result.user.email}); ${count} event type${count === 1 ? "" : "s"} found.`,
          "Calendly connection works",
        );
      },
      onError: async (error) => {
        await invalidate();
        notifyError(error, "Calendly connection failed");
      },
    }),
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Text size="sm" fw={500}>
            Connection
          </Text>
          <StatusBadge tone={status.tone} testId="connection-status">
            {status.text}
          </StatusBadge>
        </Group>
        {calendly.canEdit && (
          <Button
            size="sm"
            variant="default"
            onClick={() => test.mutate({ workspaceId })}
            loading={test.isPending}
            disabled={!calendly.tokenConfigured}
            title={calendly.tokenConfigured ? undefined : "Save a token first"}
          >
            Test connection
          </Button>
        )}
      </Group>
      {connection.status === "CONNECTED" && (
        <DetailList
          items={[
            {
              term: "User",
              value: `${connection.userName ?? "—"}${connection.userEmail ? ` · ${connection.userEmail}` : ""}`,
            },
            { term: "Organization", value: connection.organizationUri ?? "—" },
            { term: "Checked", value: formatRelative(connection.checkedAt) },
          ]}
        />
      )}
      {connection.status === "ERROR" && connection.lastError && (
        <Alert color="red" variant="light" title="Last check failed" data-testid="connection-error">
          {connection.lastError}
          {connection.checkedAt ? ` (${formatRelative(connection.checkedAt)})` : ""}
        </Alert>
      )}
      {!calendly.tokenConfigured && (
        <Text size="sm" c="dimmed">
          Save a personal access token to connect this workspace to Calendly.
        </Text>
      )}
    </Stack>
  );
}
