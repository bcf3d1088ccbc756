"use client";

import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { formatDateTime, formatRelative } from "~/lib/format";
import { DetailList } from "../states/DetailList";
import { StatusBadge } from "./StatusBadge";
import type { CalendlyIntegration } from "./types";
import { useTestConnection } from "./use-test-connection";

const LABEL = {
  CONNECTED: { tone: "ok", text: "Connected" },
  ERROR: { tone: "error", text: "Connection error" },
  UNKNOWN: { tone: "neutral", text: "Not checked" },
  RECONNECT_NEEDED: { tone: "error", text: "Reconnect needed" },
} as const;

export function ConnectionStatus({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const test = useTestConnection(workspaceId);
  const { connection } = calendly;
  const status = LABEL[connection.status] ?? LABEL.UNKNOWN;

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
            title={calendly.tokenConfigured ? undefined : "Connect Calendly first"}
          >
            Test connection
          </Button>
        )}
      </Group>
      {connection.status === "CONNECTED" && (
        <DetailList
          items={[
            { term: "Organization", value: connection.organizationUri ?? "—" },
            { term: "Checked", value: formatRelative(connection.checkedAt) },
            ...(connection.tokenExpiresAt
              ? [
                  {
                    term: "Access",
                    value: `renewed automatically (current token valid until ${formatDateTime(connection.tokenExpiresAt)})`,
                  },
                ]
              : []),
          ]}
        />
      )}
      {connection.status === "ERROR" && connection.lastError && (
        <Alert color="red" variant="light" title="Last check failed" data-testid="connection-error">
          {connection.lastError}
          {connection.checkedAt ? ` (${formatRelative(connection.checkedAt)})` : ""}
        </Alert>
      )}
    </Stack>
  );
}
