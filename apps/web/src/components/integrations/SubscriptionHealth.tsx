"use client";

import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime, formatRelative } from "~/lib/format";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { ConfirmButton } from "../states/ConfirmButton";
import { DetailList } from "../states/DetailList";
import { StatusBadge } from "./StatusBadge";
import type { CalendlyIntegration } from "./types";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

const STATE = {
  active: { tone: "ok", text: "Active" },
  disabled: { tone: "error", text: "Disabled by Calendly" },
  missing: { tone: "neutral", text: "Not subscribed" },
} as const;

export function SubscriptionHealth({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const sub = calendly.subscription;
  const state = STATE[sub.state] ?? STATE.missing;
  const canEdit = calendly.canEdit;

  const ensure = useMutation(
    trpc.integrations.calendly.ensureSubscription.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        notifySuccess(
          result.state === "active"
            ? "Calendly will post invitee events to this workspace's webhook URL."
            : `Subscription state: ${result.state}.`,
          "Webhook subscription ready",
        );
      },
      onError: async (error) => {
        await invalidate();
        notifyError(error, "Could not set up the subscription");
      },
    }),
  );
  const remove = useMutation(
    trpc.integrations.calendly.removeSubscription.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySuccess("Calendly no longer posts events for this workspace.", "Subscription removed");
      },
      onError: (error) => notifyError(error, "Could not remove the subscription"),
    }),
  );
  // `health` is a query that re-reads the subscription from Calendly; run it on demand.
  const queryClient = useQueryClient();
  const [checking, setChecking] = useState(false);
  const checkHealth = async () => {
    setChecking(true);
    try {
      const result = await queryClient.fetchQuery({
        ...trpc.integrations.calendly.health.queryOptions({ workspaceId }),
        staleTime: 0,
      });
      await invalidate();
      notifySuccess(
        `Calendly reports the subscription as ${STATE[result.state]?.text.toLowerCase() ?? result.state}.`,
        "Status refreshed",
      );
    } catch (error) {
      notifyError(error, "Could not read the subscription from Calendly");
    } finally {
      setChecking(false);
    }
  };

  const needsRepair = sub.state !== "active";
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Text size="sm" fw={500}>
            Webhook subscription
          </Text>
          <StatusBadge tone={state.tone} testId="subscription-state">
            {state.text}
          </StatusBadge>
        </Group>
        <Group gap="xs">
          <Button
            size="sm"
            variant="default"
            onClick={checkHealth}
            loading={checking}
            disabled={!calendly.tokenConfigured}
          >
            Check status
          </Button>
          {canEdit && (
            <Button
              size="sm"
              variant={needsRepair ? "filled" : "default"}
              onClick={() => ensure.mutate({ workspaceId })}
              loading={ensure.isPending}
              disabled={!calendly.tokenConfigured}
            >
              {sub.state === "missing"
                ? "Ensure subscription"
                : needsRepair
                  ? "Repair subscription"
                  : "Re-check and repair"}
            </Button>
          )}
          {canEdit && sub.uri && (
            <ConfirmButton
              size="sm"
              label="Remove"
              confirmLabel="Remove subscription"
              question="Calendly will stop posting bookings, cancellations and no-shows for this workspace."
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ workspaceId })}
            />
          )}
        </Group>
      </Group>

      <DetailList
        items={[
          {
            term: "Last delivery",
            value: sub.lastDeliveryAt
              ? `${formatRelative(sub.lastDeliveryAt)} (${formatDateTime(sub.lastDeliveryAt)})`
              : "No delivery yet",
            testId: "last-delivery",
          },
          { term: "Checked", value: sub.checkedAt ? formatRelative(sub.checkedAt) : "Never" },
          ...(sub.uri
            ? [
                {
                  term: "Subscription",
                  value: (
                    <Text span size="xs" ff="monospace">
                      {sub.uri}
                    </Text>
                  ),
                },
              ]
            : []),
        ]}
      />

      {sub.retryStartedAt && (
        <Alert color="orange" variant="light" title="Calendly is retrying deliveries">
          Deliveries have been failing since {formatDateTime(sub.retryStartedAt)} ({formatRelative(sub.retryStartedAt)}
          ). Calendly disables a subscription that keeps failing; check that the webhook URL is reachable.
        </Alert>
      )}
      {sub.state === "disabled" && (
        <Alert color="red" variant="light" title="Calendly stopped sending events">
          Repair creates a new subscription; then use Reconcile in the Inbox to import bookings made meanwhile.
        </Alert>
      )}
    </Stack>
  );
}
