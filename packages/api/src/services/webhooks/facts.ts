// The facts of one invitee event that lead mapping needs, taken from Calendly's payload once so
// the mapping code does not depend on the payload's full shape.
import type { InviteePayload } from "@booking/calendly/webhooks";

const INVITEE_EVENTS = [
  "invitee.created",
  "invitee.canceled",
  "invitee_no_show.created",
  "invitee_no_show.deleted",
] as const;
export type InviteeEventName = (typeof INVITEE_EVENTS)[number];

export function isInviteeEvent(name: string): name is InviteeEventName {
  return (INVITEE_EVENTS as readonly string[]).includes(name);
}

export type InviteeFacts = {
  event: InviteeEventName;
  /** The envelope's created_at: orders events for one invitee. */
  eventAt: Date;
  uri: string;
  email: string;
  name: string | null;
  rescheduled: boolean;
  oldInvitee: string | null;
  newInvitee: string | null;
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
};

const date = (v: unknown): Date | null => {
  if (typeof v !== "string" && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

export function inviteeFacts(
  event: InviteeEventName,
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
    uri: p.uri,
    email: p.email,
    name: str(p.name?.trim()),
    rescheduled: p.rescheduled === true,
    oldInvitee: str(p.old_invitee),
    newInvitee: str(p.new_invitee),
    utmContent: str(p.tracking?.utm_content)?.trim() ?? null,
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
  };
}
