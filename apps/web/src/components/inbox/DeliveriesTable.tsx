import { Text } from "@mantine/core";
import { formatDateTime } from "~/lib/format";
import { DataTable, endCell } from "../states/DataTable";
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
    <DataTable label="Webhook deliveries" testId="deliveries-table" minWidth={860} highlightOnHover>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">Event</th>
          <th scope="col">Invitee</th>
          <th scope="col">Status</th>
          <th scope="col">Outcome</th>
          <th scope="col">Attempts</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} data-testid="delivery-row">
            <td style={{ whiteSpace: "nowrap" }}>
              <Text size="sm">{formatDateTime(d.receivedAt)}</Text>
              {d.source === "RECONCILIATION" && (
                <Text size="xs" c="dimmed">
                  via reconcile
                </Text>
              )}
            </td>
            <td>
              <Text size="sm" ff="monospace">
                {d.eventName}
              </Text>
            </td>
            <td>
              <Text size="sm">{d.inviteeEmail ?? "—"}</Text>
            </td>
            <td>
              <DeliveryStatusBadge status={d.status} />
            </td>
            <td style={{ maxWidth: 320 }}>
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
            </td>
            <td>
              <Text size="sm">
                {d.attempts}
                {d.deliveryCount > 1 ? ` · ${d.deliveryCount} deliveries` : ""}
              </Text>
            </td>
            <td className={endCell}>
              {canReplay && (d.status === "FAILED" || d.status === "RECEIVED") && (
                <ReplayButton workspaceId={workspaceId} ids={[d.id]} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
