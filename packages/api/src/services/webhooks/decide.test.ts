// SPEC section 4 as a table (every event × the lead's state → outcome and resulting state, details
// included), and properties of the rules: a reschedule's two deliveries end the same in either
// order, a stale event changes nothing, the same event twice has the effect of one.
import fc from "fast-check";
import { type Appointment, EMPTY_APPOINTMENT } from "./appointment.ts";
import { decide } from "./decide.ts";
import type { InviteeFacts } from "./facts.ts";

const U = "https://api.calendly.com/scheduled_events/E1/invitees/U";
const V = "https://api.calendly.com/scheduled_events/E2/invitees/V";
const W = "https://api.calendly.com/scheduled_events/E3/invitees/W";
const d = (iso: string) => new Date(iso);
const T0 = d("2026-05-12T14:00:00.000Z");
const T1 = d("2026-05-12T15:00:00.000Z");
const T2 = d("2026-05-12T16:00:00.000Z");
const START = d("2026-05-14T16:00:00.000Z");
const END = d("2026-05-14T16:30:00.000Z");
const NEW_START = d("2026-06-01T10:00:00.000Z");
const NEW_END = d("2026-06-01T10:30:00.000Z");

const booking = (tag: string): InviteeFacts["booking"] => ({
  appointmentEventName: `Call ${tag}`,
  appointmentLocationType: "zoom",
  appointmentLocation: null,
  appointmentJoinUrl: `https://zoom.example/${tag}`,
  appointmentHostName: `Host ${tag}`,
  appointmentHostEmail: `host-${tag}@acme.example`,
  appointmentHostUri: `https://api.calendly.com/users/${tag}`,
  appointmentRescheduleUrl: `https://calendly.com/reschedulings/${tag}`,
  appointmentCancelUrl: `https://calendly.com/cancellations/${tag}`,
});
const invitee = (tag: string | null): InviteeFacts["invitee"] => ({
  appointmentAnswers: tag ? [{ question: "Company", answer: tag, position: 0 }] : null,
  appointmentTextReminderNumber: tag ? `+1 555 ${tag}` : null,
  appointmentTimezone: tag ? "Europe/Paris" : null,
  utmSource: tag ? `src-${tag}` : null,
  utmMedium: null,
  utmCampaign: null,
  utmContent: null,
  utmTerm: null,
});

/** An invitee event about invitee U of booking "u" at T1, unless overridden. */
function facts(event: InviteeFacts["event"], over: Partial<InviteeFacts> = {}): InviteeFacts {
  return {
    event,
    eventAt: T1,
    uri: U,
    email: "maria@x.test",
    name: "Maria",
    rescheduled: false,
    oldInvitee: null,
    newInvitee: null,
    utmContent: null,
    scheduledEventUri: "https://api.calendly.com/scheduled_events/E1",
    startAt: START,
    endAt: END,
    inviteeCreatedAt: T0,
    cancellation:
      event === "invitee.canceled"
        ? { canceledBy: "Maria", reason: "Conflict", cancelerType: "invitee", createdAt: T1 }
        : null,
    noShowUri: event === "invitee_no_show.created" ? "https://api.calendly.com/invitee_no_shows/N1" : null,
    booking: booking("u"),
    invitee: invitee("u"),
    ...over,
  };
}

/** A lead tracking invitee U (booked at T0 unless overridden). */
function lead(status: Appointment["appointmentStatus"], over: Partial<Appointment> = {}): Appointment {
  return {
    ...EMPTY_APPOINTMENT,
    appointmentStatus: status,
    appointmentStartAt: START,
    appointmentEndAt: END,
    appointmentBookedAt: T0,
    calendlyInviteeUri: U,
    calendlyScheduledEventUri: "https://api.calendly.com/scheduled_events/E1",
    calendlyEventAt: T0,
    ...booking("u"),
    ...invitee("u"),
    ...(status === "CANCELED" || status === "RESCHEDULED"
      ? {
          appointmentCanceledAt: T0,
          appointmentCancelReason: "x",
          appointmentCanceledBy: "x",
          appointmentCancelerType: "host",
        }
      : {}),
    ...(status === "NO_SHOW" ? { calendlyNoShowUri: "https://api.calendly.com/invitee_no_shows/N0" } : {}),
    ...over,
  };
}

const manualLead = { ...EMPTY_APPOINTMENT };
const reschedule = {
  oldInvitee: U,
  uri: V,
  scheduledEventUri: "https://api.calendly.com/scheduled_events/E2",
  startAt: NEW_START,
  endAt: NEW_END,
  booking: booking("v"),
  invitee: invitee(null),
};

type Row = [string, InviteeFacts, Appointment | null, string, Partial<Appointment> | null];

const table: Row[] = [
  // invitee.created
  [
    "created, no lead yet → BOOKED with the booking's details",
    facts("invitee.created"),
    null,
    "booked",
    {
      appointmentStatus: "BOOKED",
      appointmentStartAt: START,
      appointmentBookedAt: T0,
      calendlyInviteeUri: U,
      calendlyEventAt: T1,
      ...booking("u"),
      ...invitee("u"),
    },
  ],
  [
    "created, manual lead (NONE) → BOOKED",
    facts("invitee.created"),
    manualLead,
    "booked",
    { appointmentStatus: "BOOKED", calendlyInviteeUri: U, appointmentJoinUrl: "https://zoom.example/u" },
  ],
  [
    "created again (same invitee, newer) → BOOKED, unchanged booking",
    facts("invitee.created"),
    lead("BOOKED"),
    "booked",
    { appointmentStatus: "BOOKED", calendlyEventAt: T1 },
  ],
  [
    "created for another booking of the lead's person → BOOKED on the new one, its own details",
    facts("invitee.created", { uri: W, booking: booking("w"), invitee: invitee(null) }),
    lead("CANCELED"),
    "booked",
    {
      appointmentStatus: "BOOKED",
      calendlyInviteeUri: W,
      appointmentCancelReason: null,
      appointmentCancelerType: null,
      ...booking("w"),
      ...invitee(null),
    },
  ],
  [
    "created of a reschedule → BOOKED at the new time; new meeting details; invitee details kept when not repeated",
    facts("invitee.created", reschedule),
    lead("RESCHEDULED"),
    "rescheduled_booked",
    {
      appointmentStatus: "BOOKED",
      appointmentStartAt: NEW_START,
      calendlyInviteeUri: V,
      appointmentCanceledAt: null,
      appointmentCancelerType: null,
      ...booking("v"),
      ...invitee("u"),
    },
  ],
  [
    "created of a reschedule, older than the cancel already applied → still BOOKED (completes the reschedule)",
    facts("invitee.created", { ...reschedule, eventAt: T0 }),
    lead("RESCHEDULED", { calendlyEventAt: T1 }),
    "rescheduled_booked",
    { appointmentStatus: "BOOKED", calendlyInviteeUri: V, calendlyEventAt: T1 },
  ],
  [
    "created, older than the lead's last event → stale",
    facts("invitee.created", { eventAt: T0 }),
    lead("CANCELED", { calendlyEventAt: T1 }),
    "stale",
    null,
  ],
  // invitee.canceled
  [
    "canceled → CANCELED with reason, canceler and canceler type; booking details kept",
    facts("invitee.canceled"),
    lead("BOOKED"),
    "canceled",
    {
      appointmentStatus: "CANCELED",
      appointmentCanceledAt: T1,
      appointmentCancelReason: "Conflict",
      appointmentCanceledBy: "Maria",
      appointmentCancelerType: "invitee",
      ...booking("u"),
    },
  ],
  [
    "canceled, no lead yet → CANCELED with the payload's booking",
    facts("invitee.canceled"),
    null,
    "canceled",
    { appointmentStatus: "CANCELED", appointmentStartAt: START, calendlyInviteeUri: U, ...booking("u") },
  ],
  [
    "canceled with rescheduled=true → RESCHEDULED, never CANCELED",
    facts("invitee.canceled", { rescheduled: true, newInvitee: V }),
    lead("BOOKED"),
    "rescheduled",
    { appointmentStatus: "RESCHEDULED", calendlyInviteeUri: U },
  ],
  [
    "canceled (old half of a reschedule) after the new booking → superseded, nothing undone",
    facts("invitee.canceled", { rescheduled: true, newInvitee: V, eventAt: T2 }),
    lead("BOOKED", { calendlyInviteeUri: V, ...booking("v") }),
    "superseded",
    { appointmentStatus: "BOOKED", calendlyInviteeUri: V, calendlyEventAt: T2, ...booking("v") },
  ],
  [
    "canceled of another invitee than the lead's → other_booking",
    facts("invitee.canceled", { uri: W }),
    lead("BOOKED"),
    "other_booking",
    null,
  ],
  [
    "canceled, older than the lead's last event → stale",
    facts("invitee.canceled", { eventAt: T0 }),
    lead("BOOKED", { calendlyEventAt: T1 }),
    "stale",
    null,
  ],
  // invitee_no_show.created
  [
    "no-show → NO_SHOW with the no-show's URI",
    facts("invitee_no_show.created"),
    lead("BOOKED"),
    "no_show",
    {
      appointmentStatus: "NO_SHOW",
      calendlyNoShowUri: "https://api.calendly.com/invitee_no_shows/N1",
      appointmentStartAt: START,
    },
  ],
  [
    "no-show, no lead yet → NO_SHOW",
    facts("invitee_no_show.created"),
    null,
    "no_show",
    { appointmentStatus: "NO_SHOW", calendlyInviteeUri: U },
  ],
  [
    "no-show of another invitee → other_booking",
    facts("invitee_no_show.created", { uri: W }),
    lead("BOOKED"),
    "other_booking",
    null,
  ],
  [
    "no-show, older than the lead's last event → stale",
    facts("invitee_no_show.created", { eventAt: T0 }),
    lead("CANCELED", { calendlyEventAt: T1 }),
    "stale",
    null,
  ],
  // invitee_no_show.deleted
  [
    "no-show removed → BOOKED again, no-show URI cleared",
    facts("invitee_no_show.deleted"),
    lead("NO_SHOW"),
    "no_show_removed",
    { appointmentStatus: "BOOKED", calendlyNoShowUri: null, appointmentStartAt: START },
  ],
  [
    "no-show removed on a canceled booking → not_no_show, it does not come back",
    facts("invitee_no_show.deleted"),
    lead("CANCELED"),
    "not_no_show",
    null,
  ],
  [
    "no-show removed on a rescheduled booking → not_no_show",
    facts("invitee_no_show.deleted"),
    lead("RESCHEDULED"),
    "not_no_show",
    null,
  ],
  [
    "no-show removed, no lead yet → BOOKED",
    facts("invitee_no_show.deleted"),
    null,
    "no_show_removed",
    { appointmentStatus: "BOOKED" },
  ],
  [
    "no-show removed of another invitee → other_booking",
    facts("invitee_no_show.deleted", { uri: W }),
    lead("NO_SHOW"),
    "other_booking",
    null,
  ],
  [
    "no-show removed, older than the lead's last event → stale",
    facts("invitee_no_show.deleted", { eventAt: T0 }),
    lead("NO_SHOW", { calendlyEventAt: T1 }),
    "stale",
    null,
  ],
];

describe("SPEC section 4, case by case", () => {
  it.each(table)("%s", (_name, f, current, outcome, expected) => {
    const decision = decide(f, current);
    expect(decision.outcome).toBe(outcome);
    if (expected === null) expect(decision.apply).toBe(false);
    else {
      expect(decision.apply).toBe(true);
      if (decision.apply) expect(decision.appointment).toMatchObject(expected);
    }
  });
});

// ---- properties

const time = fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") });
const tag = fc.option(fc.constantFrom("a", "b", "c"), { nil: null });
const statuses = fc.constantFrom<Appointment["appointmentStatus"]>(
  "NONE",
  "BOOKED",
  "CANCELED",
  "RESCHEDULED",
  "NO_SHOW",
);
const events = fc.constantFrom<InviteeFacts["event"]>(
  "invitee.created",
  "invitee.canceled",
  "invitee_no_show.created",
  "invitee_no_show.deleted",
);
const apply = (f: InviteeFacts, current: Appointment | null): Appointment | null => {
  const decision = decide(f, current);
  return decision.apply ? decision.appointment : current;
};

describe("properties", () => {
  it("a reschedule's two deliveries give the same end state in either order", () => {
    fc.assert(
      fc.property(time, time, time, tag, tag, (bookedAt, cancelAt, createAt, oldTag, newTag) => {
        fc.pre(cancelAt > bookedAt && createAt > bookedAt);
        const original = facts("invitee.created", { eventAt: new Date(bookedAt), invitee: invitee(oldTag) });
        const created = facts("invitee.created", {
          ...reschedule,
          eventAt: new Date(createAt),
          invitee: invitee(newTag),
        });
        // The old invitee's cancel carries what its booking carried.
        const canceled = facts("invitee.canceled", {
          rescheduled: true,
          newInvitee: V,
          eventAt: new Date(cancelAt),
          invitee: invitee(oldTag),
        });
        const start = apply(original, null);
        const cancelFirst = apply(created, apply(canceled, start));
        const createFirst = apply(canceled, apply(created, start));
        expect(cancelFirst).toEqual(createFirst);
        expect(cancelFirst).toMatchObject({ appointmentStatus: "BOOKED", calendlyInviteeUri: V, ...booking("v") });
      }),
    );
  });

  it("a stale event changes nothing", () => {
    fc.assert(
      fc.property(events, statuses, time, time, fc.boolean(), (event, status, leadAt, eventAt, sameInvitee) => {
        fc.pre(eventAt < leadAt);
        const current = lead(status, { calendlyEventAt: new Date(leadAt), calendlyInviteeUri: sameInvitee ? U : W });
        const decision = decide(facts(event, { eventAt: new Date(eventAt) }), current);
        expect(decision).toEqual({ apply: false, outcome: "stale" });
      }),
    );
  });

  it("the same event twice has the effect of one", () => {
    fc.assert(
      fc.property(events, fc.option(statuses, { nil: null }), time, fc.boolean(), (event, status, at, rescheduled) => {
        const current = status === null ? null : lead(status, { calendlyEventAt: T0 });
        const f = facts(event, { eventAt: new Date(at), rescheduled: event === "invitee.canceled" && rescheduled });
        const once = apply(f, current);
        expect(apply(f, once)).toEqual(once);
      }),
    );
  });
});
