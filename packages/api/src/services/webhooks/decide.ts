// SPEC section 4 (and the details of section 8) as a pure function: given one invitee event and
// the lead it was matched to (or none), what the lead's appointment becomes. Finding and locking
// the lead and writing the result are the lead statements' job (lead-table.ts), deciding a batch
// in order is decide-batch.ts'.
//
// Order: `calendlyEventAt` is the time (envelope `created_at`) of the newest event applied to the
// lead; an older event changes nothing ("stale"), with one exception: the new booking of a
// reschedule always replaces the old one it names, whatever the order of their two deliveries.
// Details follow the same rule: an older delivery never overwrites newer details.
import type { Appointment } from "./appointment.ts";
import { EMPTY_APPOINTMENT } from "./appointment.ts";
import type { InviteeFacts } from "./facts.ts";

export type Outcome =
  | "booked"
  | "rescheduled_booked"
  | "canceled"
  | "rescheduled"
  | "no_show"
  | "no_show_removed"
  | "superseded"
  | "stale"
  | "other_booking"
  | "not_no_show";

export type Decision = { apply: true; outcome: Outcome; appointment: Appointment } | { apply: false; outcome: Outcome };

const later = (a: Date | null, b: Date): Date => (a && a.getTime() > b.getTime() ? a : b);

/**
 * A group of details as the lead knows them, or the payload's when the lead knows none of them
 * (taken as a whole, so the details of two bookings are never mixed).
 */
function known<T extends object>(current: T, payload: T): T {
  return Object.values(current).some((v) => v !== null) ? current : payload;
}

/** Each field of the payload, else as the lead knows it. */
function orKnown<T extends object>(payload: T, current: T): T {
  const out = { ...payload };
  for (const k of Object.keys(payload) as Array<keyof T>) out[k] = payload[k] ?? current[k];
  return out;
}

/** The booking an event about the lead's current invitee refers to: what we know, else the payload's. */
function sameBooking(current: Appointment, f: InviteeFacts): Partial<Appointment> {
  return {
    appointmentStartAt: current.appointmentStartAt ?? f.startAt,
    appointmentEndAt: current.appointmentEndAt ?? f.endAt,
    appointmentBookedAt: current.appointmentBookedAt ?? f.inviteeCreatedAt,
    calendlyInviteeUri: f.uri,
    calendlyScheduledEventUri: current.calendlyScheduledEventUri ?? f.scheduledEventUri,
    ...known(pick(current, f.booking), f.booking),
    ...known(pick(current, f.invitee), f.invitee),
  };
}

const pick = <T extends object>(from: Appointment, like: T): T =>
  Object.fromEntries(Object.keys(like).map((k) => [k, from[k as keyof Appointment]])) as T;

function booked(current: Appointment, f: InviteeFacts, completesReschedule: boolean): Appointment {
  return {
    ...current,
    appointmentStatus: "BOOKED",
    appointmentStartAt: f.startAt,
    appointmentEndAt: f.endAt,
    appointmentBookedAt: f.inviteeCreatedAt ?? f.eventAt,
    appointmentCanceledAt: null,
    appointmentCancelReason: null,
    appointmentCanceledBy: null,
    appointmentCancelerType: null,
    calendlyInviteeUri: f.uri,
    calendlyScheduledEventUri: f.scheduledEventUri,
    calendlyNoShowUri: null,
    // The new booking brings its meeting details; what the invitee told Calendly stays with a
    // reschedule unless the new invitee carries it again.
    ...f.booking,
    ...(completesReschedule ? orKnown(f.invitee, pick(current, f.invitee)) : f.invitee),
  };
}

export function decide(f: InviteeFacts, lead: Appointment | null): Decision {
  const current = lead ?? EMPTY_APPOINTMENT;
  const tracksOther = current.calendlyInviteeUri !== null && current.calendlyInviteeUri !== f.uri;
  const completesReschedule =
    f.event === "invitee.created" && f.oldInvitee !== null && current.calendlyInviteeUri === f.oldInvitee;
  const isStale = current.calendlyEventAt !== null && f.eventAt.getTime() < current.calendlyEventAt.getTime();
  if (isStale && !completesReschedule) return { apply: false, outcome: "stale" };

  const base: Appointment = { ...current, calendlyEventAt: later(current.calendlyEventAt, f.eventAt) };
  switch (f.event) {
    case "invitee.created":
      return {
        apply: true,
        outcome: f.oldInvitee !== null ? "rescheduled_booked" : "booked",
        appointment: booked(base, f, completesReschedule),
      };
    case "invitee.canceled": {
      // The old half of a reschedule whose new invitee is already on the lead: nothing to undo
      // (its time still counts, so both delivery orders end in the same state).
      if (f.rescheduled && f.newInvitee !== null && current.calendlyInviteeUri === f.newInvitee)
        return { apply: true, outcome: "superseded", appointment: base };
      if (tracksOther) return { apply: false, outcome: "other_booking" };
      const c = f.cancellation;
      return {
        apply: true,
        outcome: f.rescheduled ? "rescheduled" : "canceled",
        appointment: {
          ...base,
          ...sameBooking(current, f),
          appointmentStatus: f.rescheduled ? "RESCHEDULED" : "CANCELED",
          appointmentCanceledAt: c?.createdAt ?? f.eventAt,
          appointmentCancelReason: c?.reason ?? null,
          appointmentCanceledBy: c ? (c.canceledBy ?? c.cancelerType) : null,
          appointmentCancelerType: c?.cancelerType ?? null,
        },
      };
    }
    case "invitee_no_show.created":
      if (tracksOther) return { apply: false, outcome: "other_booking" };
      return {
        apply: true,
        outcome: "no_show",
        appointment: {
          ...base,
          ...sameBooking(current, f),
          appointmentStatus: "NO_SHOW",
          calendlyNoShowUri: f.noShowUri ?? current.calendlyNoShowUri,
        },
      };
    case "invitee_no_show.deleted":
      if (tracksOther) return { apply: false, outcome: "other_booking" };
      // Only a no-show mark is undone; a canceled or rescheduled booking does not come back.
      if (lead !== null && current.appointmentStatus !== "NO_SHOW" && current.appointmentStatus !== "NONE") {
        return { apply: false, outcome: "not_no_show" };
      }
      return {
        apply: true,
        outcome: "no_show_removed",
        appointment: { ...base, ...sameBooking(current, f), appointmentStatus: "BOOKED", calendlyNoShowUri: null },
      };
  }
}
