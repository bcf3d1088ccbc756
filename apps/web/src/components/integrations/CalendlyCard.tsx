"use client";

import { Card, Divider, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { notifyError, notifySuccess } from "~/lib/notify";
import { useTRPC } from "~/trpc/react";
import { CalendlyTokenField } from "./CalendlyTokenField";
import { ConnectionStatus } from "./ConnectionStatus";
import { SubscriptionHealth } from "./SubscriptionHealth";
import type { CalendlyIntegration } from "./types";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";
import { WebhookUrlField } from "./WebhookUrlField";

/** The Calendly section of the integrations manager. */
export function CalendlyCard({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const toggle = useMutation(
    trpc.integrations.calendly.update.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        notifySuccess(
          result.enabled
            ? "Calendly deliveries are processed for this workspace."
            : "Calendly is turned off for this workspace.",
          result.enabled ? "Calendly enabled" : "Calendly disabled",
        );
      },
      onError: (error) => notifyError(error, "Could not change Calendly"),
    }),
  );
  const enabled =
    toggle.isPending && toggle.variables?.enabled !== undefined ? toggle.variables.enabled : calendly.enabled;

  return (
    <Card component="section" aria-labelledby="calendly-title" data-testid="calendly-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h4" id="calendly-title">
              Calendly
            </Title>
            <Text size="sm" c="dimmed">
              Bookings, cancellations and no-shows update the lead automatically.
            </Text>
          </div>
          <Switch
            label={enabled ? "Enabled" : "Disabled"}
            aria-label="Calendly integration enabled"
            checked={enabled}
            disabled={!calendly.canEdit || toggle.isPending}
            onChange={(e) => toggle.mutate({ workspaceId, enabled: e.currentTarget.checked })}
            labelPosition="left"
            size="md"
            data-testid="calendly-enabled"
          />
        </Group>
        <CalendlyTokenField workspaceId={workspaceId} calendly={calendly} />
        <Divider />
        <ConnectionStatus workspaceId={workspaceId} calendly={calendly} />
        <Divider />
        <WebhookUrlField url={calendly.webhookUrl} />
        <SubscriptionHealth workspaceId={workspaceId} calendly={calendly} />
      </Stack>
    </Card>
  );
}
