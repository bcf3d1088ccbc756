// The lead's appointment: every Lead column that mapping a delivery reads and writes (status,
// times, Calendly URIs and the details of SPEC section 8), declared once with its PostgreSQL type.
// The rules (decide.ts), the lead statements (lead-table.ts) and the timeline's `changes` all use
// this constant, so a column added here is read, decided, written and recorded everywhere.
import type { Lead } from "@booking/db";
import type { Columns } from "../../lib/columns.ts";

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
const FIELDS = Object.keys(APPOINTMENT_COLUMNS) as AppointmentColumn[];
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
  ...(Object.fromEntries(FIELDS.map((k) => [k, null])) as Omit<Appointment, "appointmentStatus">),
  appointmentStatus: "NONE",
};

/** The appointment columns of a row (a candidate lead, a decided appointment), nothing else. */
export function appointmentOf(row: Appointment): Appointment {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) out[k] = row[k];
  return out as Appointment;
}

/** `{ field: [before, after] }`, dates as ISO strings: what a delivery changed on its lead (the timeline). */
export type Changes = Record<string, [unknown, unknown]>;

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
const same = (a: unknown, b: unknown) =>
  a === b ||
  (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) ||
  (typeof a === "object" &&
    a !== null &&
    typeof b === "object" &&
    b !== null &&
    JSON.stringify(a) === JSON.stringify(b));

/** What differs between two states of a lead; `calendlyEventAt` is bookkeeping, not a change a person sees. */
export function changesBetween(before: Appointment, after: Appointment): Changes {
  const changes: Changes = {};
  for (const key of FIELDS) {
    if (key === "calendlyEventAt" || same(before[key] ?? null, after[key] ?? null)) continue;
    changes[key] = [plain(before[key]), plain(after[key])];
  }
  return changes;
}
