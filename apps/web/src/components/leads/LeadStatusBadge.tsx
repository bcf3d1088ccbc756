import { Badge } from "@mantine/core";
import type { AppointmentStatus } from "./types";

export const APPOINTMENT_STATUS: Record<AppointmentStatus, { label: string; color: string }> = {
  NONE: { label: "No appointment", color: "gray" },
  BOOKED: { label: "Booked", color: "green" },
  CANCELED: { label: "Canceled", color: "red" },
  RESCHEDULED: { label: "Rescheduled", color: "orange" },
  NO_SHOW: { label: "No-show", color: "grape" },
};

export function LeadStatusBadge({ status }: { status: AppointmentStatus }) {
  const s = APPOINTMENT_STATUS[status] ?? { label: status, color: "gray" };
  return (
    <Badge color={s.color} variant="light" className="status-badge">
      {s.label}
    </Badge>
  );
}
