"use client";

import { Card, Divider, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ConnectedAccount } from "./ConnectedAccount";
import { ConnectionStatus } from "./ConnectionStatus";
import { ConnectOptions } from "./ConnectOptions";
import { IntegrationEvents } from "./IntegrationEvents";
import { ReconnectBanner } from "./ReconnectBanner";
import { SubscriptionHealth } from "./SubscriptionHealth";
import { SubscriptionScopeField } from "./SubscriptionScopeField";
import type { CalendlyIntegration } from "./types";
import { useCalendlyToggle } from "./use-calendly-toggle";
import { useConnectedNotice } from "./use-connected-notice";
import { WebhookUrlField } from "./WebhookUrlField";

/** How often the page re-reads the integration, so the worker's repairs show up without a reload. */
const REFRESH_MS = 15_000;

/** The Calendly section of the integrations manager. */
export function CalendlyCard({ workspaceId, calendly }: { workspaceId: string; calendly: CalendlyIntegration }) {
  const trpc = useTRPC();
  useQuery({ ...trpc.integrations.calendly.get.queryOptions({ workspaceId }), refetchInterval: REFRESH_MS });
  useConnectedNotice(calendly);
  const toggle = useCalendlyToggle(workspaceId, calendly);

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
            label={toggle.enabled ? "Enabled" : "Disabled"}
            aria-label="Calendly integration enabled"
            checked={toggle.enabled}
            disabled={!calendly.canEdit || toggle.pending}
            onChange={(e) => toggle.set(e.currentTarget.checked)}
            labelPosition="left"
            size="md"
            data-testid="calendly-enabled"
          />
        </Group>
        <ReconnectBanner workspaceId={workspaceId} calendly={calendly} />
        {calendly.tokenConfigured ? (
          <ConnectedAccount workspaceId={workspaceId} calendly={calendly} />
        ) : (
          <ConnectOptions workspaceId={workspaceId} calendly={calendly} />
        )}
        {calendly.tokenConfigured && (
          <>
            <Divider />
            <ConnectionStatus workspaceId={workspaceId} calendly={calendly} />
          </>
        )}
        <Divider />
        <WebhookUrlField url={calendly.webhookUrl} />
        <SubscriptionScopeField workspaceId={workspaceId} calendly={calendly} />
        <SubscriptionHealth workspaceId={workspaceId} calendly={calendly} />
        <Divider />
        <IntegrationEvents events={calendly.events} />
      </Stack>
    </Card>
  );
}
