// The lead's appointment: every Lead column that mapping a delivery reads and writes (status,
// times, Calendly URIs and the details of SPEC section 8), declared once with its PostgreSQL type.
// The rules (decide.ts), the lead statements (lead-table.ts) and the timeline's `changes` all use
// this constant, so a column added here is read, decided, written and recorded everywhere.
import type { Lead } from "@booking/db";
import type { Columns } from "./columns.ts";

export const APPOINTMENT_COLUMNS = {
  appointmentStatus: '"AppointmentStatus"',
  appointmentStartAt: "timestamp(3)",
  appointmentEndAt: "timestamp(3)",
  appointmentBookedAt: "timestamp(3)",
  appointmentCanceledAt: "timestamp(3)",
  appointmentCancelReason: "text",
  appointmentCanceledBy: "text",
  appointmentCancelerType: "text",
  appointmentEventName: "text",
  appointmentLocationType: "text",
  appointmentLocation: "text",
  appointmentJoinUrl: "text",
  appointmentHostName: "text",
  appointmentHostEmail: "text",
  appointmentHostUri: "text",
  appointmentRescheduleUrl: "text",
  appointmentCancelUrl: "text",
  appointmentAnswers: "jsonb",
  appointmentTextReminderNumber: "text",
  appointmentTimezone: "text",
  utmSource: "text",
  utmMedium: "text",
  utmCampaign: "text",
  utmContent: "text",
  utmTerm: "text",
  calendlyInviteeUri: "text",
  calendlyScheduledEventUri: "text",
  calendlyNoShowUri: "text",
  calendlyEventAt: "timestamp(3)",
} as const satisfies Columns<Lead>;

/** One answer of the booking form, in Calendly's order. */
export type Answer = { question: string; answer: string | null; position: number };

type AppointmentColumn = keyof typeof APPOINTMENT_COLUMNS;
export type Appointment = Omit<Pick<Lead, AppointmentColumn>, "appointmentAnswers"> & {
  appointmentAnswers: Answer[] | null;
};

/** Details of the booked meeting: a new booking brings its own. */
export type BookingDetails = Pick<
  Appointment,
  | "appointmentEventName"
  | "appointmentLocationType"
  | "appointmentLocation"
  | "appointmentJoinUrl"
  | "appointmentHostName"
  | "appointmentHostEmail"
  | "appointmentHostUri"
  | "appointmentRescheduleUrl"
  | "appointmentCancelUrl"
>;

/** What the invitee told Calendly (form answers, reminder phone, time zone, UTM): a reschedule keeps them unless it brings new ones. */
export type InviteeDetails = Pick<
  Appointment,
  | "appointmentAnswers"
  | "appointmentTextReminderNumber"
  | "appointmentTimezone"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
  | "utmContent"
  | "utmTerm"
>;

export const EMPTY_APPOINTMENT: Appointment = {
  appointmentStatus: "NONE",
  ...(Object.fromEntries(
    Object.keys(APPOINTMENT_COLUMNS)
      .filter((k) => k !== "appointmentStatus")
      .map((k) => [k, null]),
  ) as Omit<Appointment, "appointmentStatus">),
};

/** The appointment columns of a row (a candidate lead, a decided appointment), nothing else. */
export function appointmentOf(row: Appointment): Appointment {
  return Object.fromEntries(
    Object.keys(APPOINTMENT_COLUMNS).map((k) => [k, row[k as AppointmentColumn]]),
  ) as Appointment;
}

/** `{ field: [before, after] }`, dates as ISO strings: what a delivery changed on its lead (the timeline). */
export type Changes = Record<string, [unknown, unknown]>;

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/** What differs between two states of a lead; `calendlyEventAt` is bookkeeping, not a change a person sees. */
export function changesBetween(before: Appointment, after: Appointment): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(APPOINTMENT_COLUMNS) as AppointmentColumn[]) {
    if (key === "calendlyEventAt") continue;
    const [b, a] = [plain(before[key]), plain(after[key])];
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = [b, a];
  }
  return changes;
}
