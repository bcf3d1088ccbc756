// Words for what the API returns: Calendly event names, mapping outcomes, lead fields.
import { formatDateTime } from "~/lib/format";
import { APPOINTMENT_STATUS } from "./LeadStatusBadge";

export const EVENT_LABEL: Record<string, string> = {
  "invitee.created": "Booked",
  "invitee.canceled": "Canceled",
  "invitee_no_show.created": "Marked as no-show",
  "invitee_no_show.deleted": "No-show removed",
};

/** What mapping did with a delivery (services/webhooks/decide.ts outcomes). */
export const OUTCOME_LABEL: Record<string, string> = {
  booked: "Booking applied",
  rescheduled_booked: "New time applied (rescheduled)",
  canceled: "Cancellation applied",
  rescheduled: "Old time released (rescheduled)",
  no_show: "No-show applied",
  no_show_removed: "No-show removal applied",
  stale: "Ignored: older than what the lead already shows",
  superseded: "Ignored: the rescheduled booking is already on the lead",
  other_booking: "Ignored: about another booking of this lead",
  not_no_show: "Ignored: the lead was not a no-show",
  invitee_in_other_workspace: "Ignored: the booking belongs to another workspace",
  unhandled_event: "Ignored: not an event this app handles",
};

export const FIELD_LABEL: Record<string, string> = {
  name: "Name",
  email: "Email",
  appointmentStatus: "Status",
  appointmentStartAt: "Starts",
  appointmentEndAt: "Ends",
  appointmentEventName: "Event",
  appointmentBookedAt: "Booked at",
  appointmentCanceledAt: "Canceled at",
  appointmentCancelReason: "Cancel reason",
  appointmentCanceledBy: "Canceled by",
  appointmentCancelerType: "Canceled by (type)",
  calendlyNoShowUri: "No-show mark",
  calendlyInviteeUri: "Calendly booking",
  calendlyScheduledEventUri: "Calendly event",
  appointmentLocationType: "Location type",
  appointmentLocation: "Location",
  appointmentJoinUrl: "Join URL",
  appointmentHostName: "Host",
  appointmentHostEmail: "Host email",
  appointmentHostUri: "Host (Calendly user)",
  appointmentRescheduleUrl: "Reschedule link",
  appointmentCancelUrl: "Cancel link",
  appointmentAnswers: "Booking answers",
  appointmentTextReminderNumber: "Text reminders",
  appointmentTimezone: "Time zone",
  utmSource: "UTM source",
  utmMedium: "UTM medium",
  utmCampaign: "UTM campaign",
  utmContent: "UTM content",
  utmTerm: "UTM term",
};

export const LOCATION_LABEL: Record<string, string> = {
  google_conference: "Google Meet",
  zoom: "Zoom",
  zoom_conference: "Zoom",
  microsoft_teams_conference: "Microsoft Teams",
  webex_conference: "Webex",
  gotomeeting: "GoTo Meeting",
  physical: "In person",
  outbound_call: "Phone call (host calls)",
  inbound_call: "Phone call (invitee calls)",
  ask_invitee: "Asked the invitee",
  custom: "Custom",
};

/**
 * Calendly's own references (API URIs): what links a lead to Calendly, not what a setter reads.
 * The timeline keeps them out of the list of changes and shows them folded.
 */
export const REFERENCE_FIELDS = new Set([
  "calendlyInviteeUri",
  "calendlyScheduledEventUri",
  "calendlyNoShowUri",
  "appointmentHostUri",
]);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Booking-form answers as mapping stores them (a JSON list of `{ question, answer }`), one line. */
function formatAnswers(value: string): string {
  try {
    const answers: unknown = JSON.parse(value);
    if (!Array.isArray(answers)) return value;
    const lines = answers.flatMap((a) =>
      a && typeof a === "object" && "question" in a ? [`${String(a.question)}: ${String(a.answer ?? "—")}`] : [],
    );
    return lines.length ? lines.join(" · ") : "—";
  } catch {
    return value;
  }
}

/** A changed value, readable: status and location labels, local times, answers, "—" for nothing. */
export function formatChangeValue(field: string, value: string | number | boolean | null): string {
  if (value === null || value === "") return "—";
  if (typeof value !== "string") return String(value);
  if (field === "appointmentStatus")
    return APPOINTMENT_STATUS[value as keyof typeof APPOINTMENT_STATUS]?.label ?? value;
  if (field === "appointmentLocationType") return LOCATION_LABEL[value] ?? value;
  if (field === "appointmentAnswers") return formatAnswers(value);
  if (ISO_TIME.test(value)) return formatDateTime(value);
  return value;
}
