"use client";

import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { formatDateTime, formatRelative } from "~/lib/format";
import { ConfirmButton } from "../states/ConfirmButton";
import { DetailList } from "../states/DetailList";
import { StatusBadge } from "./StatusBadge";
import type { CalendlyIntegration } from "./types";
import { SUBSCRIPTION_STATE, useSubscriptionActions } from "./use-subscription-actions";

export function SubscriptionHealth({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const { ensure, remove, check, checking } = useSubscriptionActions(workspaceId);
  const sub = calendly.subscription;
  const state = SUBSCRIPTION_STATE[sub.state] ?? SUBSCRIPTION_STATE.missing;
  const usable = calendly.tokenConfigured && calendly.connection.status !== "RECONNECT_NEEDED";
  const needsRepair = sub.state !== "active";
  const ensureLabel =
    sub.state === "missing" ? "Ensure subscription" : needsRepair ? "Repair subscription" : "Re-check and repair";

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
          <Button size="sm" variant="default" onClick={check} loading={checking} disabled={!usable}>
            Check status
          </Button>
          {calendly.canEdit && (
            <Button
              size="sm"
              variant={needsRepair ? "filled" : "default"}
              onClick={() => ensure.mutate({ workspaceId })}
              loading={ensure.isPending}
              disabled={!usable}
            >
              {ensureLabel}
            </Button>
          )}
          {calendly.canEdit && sub.uri && (
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
          {
            term: "Checked",
            value: sub.checkedAt ? formatRelative(sub.checkedAt) : "Never",
            testId: "subscription-checked",
          },
          {
            term: "Scope",
            value:
              calendly.subscriptionScope === "organization" ? "Organization (every host)" : "User (the connected user)",
          },
          ...(sub.uri
            ? [
                {
                  term: "Subscription",
                  value: (
                    <Text span size="xs" ff="monospace" data-testid="subscription-uri">
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
          The worker replaces the subscription at its next check and imports the bookings made meanwhile; Repair does it
          now.
        </Alert>
      )}
    </Stack>
  );
}
