import { Badge } from "@mantine/core";
import type { DeliveryStatus } from "./types";

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  RECEIVED: { label: "Received", color: "blue" },
  PROCESSED: { label: "Processed", color: "green" },
  IGNORED: { label: "Ignored", color: "gray" },
  FAILED: { label: "Failed", color: "red" },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const s = DELIVERY_STATUS[status] ?? { label: status, color: "gray" };
  return (
    <Badge color={s.color} variant="light" className="status-badge">
      {s.label}
    </Badge>
  );
}
