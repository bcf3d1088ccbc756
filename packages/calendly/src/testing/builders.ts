// Realistic Calendly webhook bodies (API-NOTES section E shapes) for tests and the demo.
import { randomUUID } from "node:crypto";
import type { CalendlyWebhookEventName } from "../events.ts";

const API = "https://api.calendly.com";

export type InviteePayloadInput = Record<string, unknown> & {
  scheduled_event?: Record<string, unknown>;
  tracking?: Record<string, unknown> | null;
};

/**
 * An invitee payload; `partial` is merged on top (one level deep for `scheduled_event` and
 * `tracking`). `uri`/`event` follow `scheduled_event.uri` when only that is given.
 */
export function buildInviteePayload(partial: InviteePayloadInput = {}): Record<string, unknown> & {
  uri: string;
  email: string;
  scheduled_event: Record<string, unknown> & { uri: string };
} {
  const { scheduled_event: eventPartial, tracking: trackingPartial, ...rest } = partial;
  const eventUri =
    (eventPartial?.uri as string | undefined) ??
    (rest.event as string | undefined) ??
    `${API}/scheduled_events/${randomUUID()}`;
  const inviteeUuid = randomUUID();
  const status = (rest.status as string | undefined) ?? "active";
  const start = new Date(Date.UTC(2026, 4, 14, 16, 0, 0));
  const scheduledEvent = {
    uri: eventUri,
    name: "30 Minute Discovery Call",
    status: status === "canceled" ? "canceled" : "active",
    start_time: start.toISOString(),
    end_time: new Date(start.getTime() + 30 * 60_000).toISOString(),
    event_type: `${API}/event_types/${randomUUID()}`,
    location: { type: "google_conference", status: "pushed", join_url: "https://calendly.com/events/x/google_meet" },
    invitees_counter: { total: 1, active: status === "canceled" ? 0 : 1, limit: 1 },
    created_at: "2026-05-12T15:04:10.480000Z",
    updated_at: "2026-05-12T15:04:10.600000Z",
    event_memberships: [
      { user: `${API}/users/${randomUUID()}`, user_email: "sam.rep@acme.example", user_name: "Sam Rep" },
    ],
    event_guests: [],
    meeting_notes_plain: null,
    meeting_notes_html: null,
    ...eventPartial,
  };
  const tracking =
    trackingPartial === null
      ? null
      : {
          utm_campaign: null,
          utm_source: null,
          utm_medium: null,
          utm_content: null,
          utm_term: null,
          salesforce_uuid: null,
          ...trackingPartial,
        };
  return {
    uri: `${eventUri}/invitees/${inviteeUuid}`,
    email: "maria.lopez@northwind.example",
    name: "Maria Lopez",
    first_name: "Maria",
    last_name: "Lopez",
    status,
    timezone: "America/Chicago",
    event: eventUri,
    created_at: "2026-05-12T15:04:10.512000Z",
    updated_at: "2026-05-12T15:04:10.530000Z",
    cancel_url: `https://calendly.com/cancellations/${inviteeUuid}`,
    reschedule_url: `https://calendly.com/reschedulings/${inviteeUuid}`,
    rescheduled: false,
    old_invitee: null,
    new_invitee: null,
    questions_and_answers: [{ question: "Company size", answer: "11-50", position: 0 }],
    tracking,
    text_reminder_number: null,
    routing_form_submission: null,
    payment: null,
    no_show: null,
    reconfirmation: null,
    scheduling_method: null,
    invitee_scheduled_by: null,
    ...(status === "canceled"
      ? {
          cancellation: {
            canceled_by: "Maria Lopez",
            reason: "Conflict",
            canceler_type: "invitee",
            created_at: "2026-05-13T09:20:44.880000Z",
          },
        }
      : {}),
    ...rest,
    scheduled_event: scheduledEvent,
  } as ReturnType<typeof buildInviteePayload>;
}

/** A full webhook body `{ event, created_at, created_by, payload }` for an invitee event. */
export function buildWebhookEnvelope(
  event: CalendlyWebhookEventName | (string & {}),
  payloadPartial: InviteePayloadInput = {},
  envelopePartial: { created_at?: string; created_by?: string } = {},
): { event: string; created_at: string; created_by: string; payload: ReturnType<typeof buildInviteePayload> } {
  const defaults: InviteePayloadInput =
    event === "invitee.canceled"
      ? { status: "canceled" }
      : event === "invitee_no_show.created"
        ? { no_show: { uri: `${API}/invitee_no_shows/${randomUUID()}`, created_at: "2026-05-14T16:40:00.000000Z" } }
        : {};
  return {
    event,
    created_at: envelopePartial.created_at ?? new Date().toISOString(),
    created_by: envelopePartial.created_by ?? `${API}/users/${randomUUID()}`,
    payload: buildInviteePayload({ ...defaults, ...payloadPartial }),
  };
}
