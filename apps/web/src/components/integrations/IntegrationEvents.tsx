import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { formatDateTime, formatRelative } from "~/lib/format";
import type { IntegrationEvent } from "./types";

const KIND: Record<IntegrationEvent["kind"], { label: string; color: string }> = {
  CONNECTED: { label: "Connected", color: "green" },
  DISCONNECTED: { label: "Disconnected", color: "gray" },
  SUBSCRIPTION_CREATED: { label: "Subscribed", color: "blue" },
  SUBSCRIPTION_REPAIRED: { label: "Repaired", color: "orange" },
  SUBSCRIPTION_REMOVED: { label: "Unsubscribed", color: "gray" },
  RECONCILED: { label: "Reconciled", color: "teal" },
  TOKEN_REFRESHED: { label: "Token renewed", color: "gray" },
  RECONNECT_NEEDED: { label: "Reconnect needed", color: "red" },
  HEALTH_CHECK_FAILED: { label: "Check failed", color: "red" },
};

const actorLabel = (actor: string) =>
  actor === "worker" ? "automatic" : actor.startsWith("user:") ? actor.slice(5) : actor;

/** What the integration did recently, newest first: repairs, reconciliations, renewals, connects. */
export function IntegrationEvents({ events }: { events: IntegrationEvent[] }) {
  return (
    <section aria-labelledby="integration-events-title">
      <Title order={3} size="h6" id="integration-events-title" mb={6}>
        Recent activity
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet. Repairs, reconciliations and token renewals appear here.
        </Text>
      ) : (
        <Stack component="ol" gap={8} m={0} p={0} style={{ listStyle: "none" }} data-testid="integration-events">
          {events.map((e) => {
            const kind = KIND[e.kind] ?? { label: e.kind, color: "gray" };
            return (
              <li key={e.id} data-testid="integration-event" data-kind={e.kind}>
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <Badge size="sm" variant="light" color={kind.color} miw={112} style={{ flexShrink: 0 }}>
                    {kind.label}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {e.message}
                      {e.kind === "RECONCILED" && e.recovered !== null && (
                        <Text span fw={600} data-testid="bookings-recovered">
                          {" "}
                          · {e.recovered} booking{e.recovered === 1 ? "" : "s"} recovered
                        </Text>
                      )}
                    </Text>
                    {e.error && (
                      <Text size="xs" c="red.8" style={{ overflowWrap: "anywhere" }}>
                        {e.error}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      <time dateTime={new Date(e.at).toISOString()} title={formatDateTime(e.at)}>
                        {formatRelative(e.at)}
                      </time>{" "}
                      · {actorLabel(e.actor)}
                    </Text>
                  </div>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
