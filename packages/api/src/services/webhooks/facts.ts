// The facts of one invitee event that lead mapping needs, taken from Calendly's payload once, so
// the rules do not depend on the payload's shape. Every string is cleaned here (cleanText): what
// mapping writes to a column, or into `changes`, can always be stored.
import type { CalendlyWebhookEventName, InviteePayload } from "@booking/calendly/webhooks";
import type { Answer, BookingDetails, InviteeDetails } from "./appointment.ts";
import { cleanText } from "./text.ts";

export type InviteeFacts = {
  event: CalendlyWebhookEventName;
  /** The envelope's created_at: orders events for one invitee. */
  eventAt: Date;
  uri: string;
  email: string;
  name: string | null;
  rescheduled: boolean;
  oldInvitee: string | null;
  newInvitee: string | null;
  /** utm_content, trimmed: may name the lead (the booking link carries the lead id). */
  utmContent: string | null;
  scheduledEventUri: string;
  startAt: Date | null;
  endAt: Date | null;
  inviteeCreatedAt: Date | null;
  cancellation: {
    canceledBy: string | null;
    reason: string | null;
    cancelerType: string | null;
    createdAt: Date | null;
  } | null;
  noShowUri: string | null;
  booking: BookingDetails;
  invitee: InviteeDetails;
};

const date = (v: unknown): Date | null => {
  if (typeof v !== "string" && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A clean, trimmed, non-empty string, or null. */
const str = (v: unknown): string | null => {
  if (typeof v !== "string") return null;
  const s = cleanText(v).trim();
  return s.length > 0 ? s : null;
};

/** The booking form's answers in Calendly's order (`position`, else as listed); none is null. */
function answers(list: InviteePayload["questions_and_answers"]): Answer[] | null {
  const out = (list ?? [])
    .map((qa, i) => ({ question: str(qa.question), answer: str(qa.answer), position: qa.position ?? i }))
    .filter((qa): qa is Answer => qa.question !== null)
    .sort((a, b) => a.position - b.position);
  return out.length > 0 ? out : null;
}

function bookingDetails(p: InviteePayload): BookingDetails {
  const se = p.scheduled_event;
  const host = se.event_memberships?.[0];
  return {
    appointmentEventName: str(se.name),
    appointmentLocationType: str(se.location?.type),
    appointmentLocation: str(se.location?.location),
    appointmentJoinUrl: str(se.location?.join_url),
    appointmentHostName: str(host?.user_name),
    appointmentHostEmail: str(host?.user_email)?.toLowerCase() ?? null,
    appointmentHostUri: str(host?.user),
    appointmentRescheduleUrl: str(p.reschedule_url),
    appointmentCancelUrl: str(p.cancel_url),
  };
}

function inviteeDetails(p: InviteePayload): InviteeDetails {
  const t = p.tracking;
  return {
    appointmentAnswers: answers(p.questions_and_answers),
    appointmentTextReminderNumber: str(p.text_reminder_number),
    appointmentTimezone: str(p.timezone),
    utmSource: str(t?.utm_source),
    utmMedium: str(t?.utm_medium),
    utmCampaign: str(t?.utm_campaign),
    utmContent: str(t?.utm_content),
    utmTerm: str(t?.utm_term),
  };
}

export function inviteeFacts(
  event: CalendlyWebhookEventName,
  envelopeCreatedAt: string | Date,
  p: InviteePayload,
): InviteeFacts {
  const se = p.scheduled_event;
  const c = p.cancellation ?? null;
  const eventAt = date(envelopeCreatedAt);
  if (!eventAt) throw new Error("envelope created_at is not a date");
  return {
    event,
    eventAt,
    uri: cleanText(p.uri),
    email: cleanText(p.email),
    name: str(p.name),
    rescheduled: p.rescheduled === true,
    oldInvitee: str(p.old_invitee),
    newInvitee: str(p.new_invitee),
    utmContent: str(p.tracking?.utm_content),
    scheduledEventUri: str(se.uri) ?? str(p.event) ?? "",
    startAt: date(se.start_time),
    endAt: date(se.end_time),
    inviteeCreatedAt: date(p.created_at),
    cancellation: c
      ? {
          canceledBy: str(c.canceled_by),
          reason: str(c.reason),
          cancelerType: str(c.canceler_type),
          createdAt: date(c.created_at),
        }
      : null,
    noShowUri: str(p.no_show?.uri),
    booking: bookingDetails(p),
    invitee: inviteeDetails(p),
  };
}
