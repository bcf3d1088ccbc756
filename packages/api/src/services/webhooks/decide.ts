// SPEC section 4 as a pure function: given one invitee event and the lead it was matched to (or
// none), what the lead's appointment becomes. The database part (finding and locking the lead,
// writing the result) is in map-invitee.ts.
import type { AppointmentStatus } from "@booking/db";
import type { InviteeFacts } from "./facts.ts";

/** The appointment columns of Lead that mapping reads and writes. */
export type Appointment = {
  appointmentStatus: AppointmentStatus;
  appointmentStartAt: Date | null;
  appointmentEndAt: Date | null;
  appointmentBookedAt: Date | null;
  appointmentCanceledAt: Date | null;
  appointmentCancelReason: string | null;
  appointmentCanceledBy: string | null;
  calendlyInviteeUri: string | null;
  calendlyScheduledEventUri: string | null;
  calendlyEventAt: Date | null;
};

const EMPTY_APPOINTMENT: Appointment = {
  appointmentStatus: "NONE",
  appointmentStartAt: null,
  appointmentEndAt: null,
  appointmentBookedAt: null,
  appointmentCanceledAt: null,
  appointmentCancelReason: null,
  appointmentCanceledBy: null,
  calendlyInviteeUri: null,
  calendlyScheduledEventUri: null,
  calendlyEventAt: null,
};

export type Outcome =
  | "booked"
  | "rescheduled_booked"
  | "canceled"
  | "rescheduled"
  | "no_show"
  | "no_show_removed"
  | "stale"
  | "superseded"
  | "other_booking"
  | "not_no_show";

export type Decision = { apply: true; outcome: Outcome; appointment: Appointment } | { apply: false; outcome: Outcome };

const later = (a: Date | null, b: Date): Date => (a && a.getTime() > b.getTime() ? a : b);

/** The booking an event about the lead's current invitee refers to: what we know, else the payload's. */
function sameBooking(current: Appointment, f: InviteeFacts) {
  return {
    appointmentStartAt: current.appointmentStartAt ?? f.startAt,
    appointmentEndAt: current.appointmentEndAt ?? f.endAt,
    appointmentBookedAt: current.appointmentBookedAt ?? f.inviteeCreatedAt,
    calendlyInviteeUri: f.uri,
    calendlyScheduledEventUri: current.calendlyScheduledEventUri ?? f.scheduledEventUri,
  };
}

export function decide(f: InviteeFacts, lead: Appointment | null): Decision {
  const current = lead ?? EMPTY_APPOINTMENT;
  const tracksOther = current.calendlyInviteeUri !== null && current.calendlyInviteeUri !== f.uri;

  // A reschedule's new booking supersedes the old invitee whatever the order of the two events.
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
        appointment: {
          ...base,
          appointmentStatus: "BOOKED",
          appointmentStartAt: f.startAt,
          appointmentEndAt: f.endAt,
          appointmentBookedAt: f.inviteeCreatedAt ?? f.eventAt,
          appointmentCanceledAt: null,
          appointmentCancelReason: null,
          appointmentCanceledBy: null,
          calendlyInviteeUri: f.uri,
          calendlyScheduledEventUri: f.scheduledEventUri,
        },
      };
    case "invitee.canceled": {
      // The old half of a reschedule whose new invitee is already on the lead: nothing to undo.
      if (f.rescheduled && f.newInvitee !== null && current.calendlyInviteeUri === f.newInvitee)
        return { apply: false, outcome: "superseded" };
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
        appointment: {
          ...base,
          ...sameBooking(current, f),
          appointmentStatus: "BOOKED",
        },
      };
  }
}
