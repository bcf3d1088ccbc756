import { Table, Text } from "@mantine/core";
import { formatDateTime } from "~/lib/format";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { ReplayButton } from "./ReplayButton";
import type { WebhookDelivery } from "./types";

export function DeliveriesTable({
  workspaceId,
  items,
  canReplay,
}: {
  workspaceId: string;
  items: WebhookDelivery[];
  canReplay: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Webhook deliveries" data-testid="deliveries-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Received</Table.Th>
            <Table.Th scope="col">Event</Table.Th>
            <Table.Th scope="col">Invitee</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid="delivery-row">
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{formatDateTime(d.receivedAt)}</Text>
                {d.source === "RECONCILIATION" && (
                  <Text size="xs" c="dimmed">
                    via reconcile
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {d.eventName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.inviteeEmail ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <DeliveryStatusBadge status={d.status} />
              </Table.Td>
              <Table.Td maw={320}>
                {d.status === "RECEIVED" && d.nextAttemptAt && (
                  <Text size="xs" c="dimmed">
                    Retrying at {formatDateTime(d.nextAttemptAt)}
                  </Text>
                )}
                {d.error ? (
                  <Text size="sm" c="red.8" lineClamp={3} title={d.error}>
                    {d.error}
                  </Text>
                ) : (
                  <Text size="sm">{d.outcome ?? "—"}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {d.attempts}
                  {d.deliveryCount > 1 ? ` · ${d.deliveryCount} deliveries` : ""}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {canReplay && (d.status === "FAILED" || d.status === "RECEIVED") && (
                  <ReplayButton workspaceId={workspaceId} ids={[d.id]} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
