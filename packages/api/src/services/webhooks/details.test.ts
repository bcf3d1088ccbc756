// Appointment details (SPEC section 8) and the timeline's data: what each mapped delivery changed,
// recorded on its inbox row, under the same order rule as the status.
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { createWorkspace, deliver as deliverTo, webhookTestDatabase } from "./test-helpers.ts";

const h = webhookTestDatabase();

const deliver = (workspaceId: string, body: unknown) => deliverTo({ sql: h.pool.sql }, h.t.db, workspaceId, body);
const lead = (id: string) => h.t.db.lead.findUniqueOrThrow({ where: { id } });
/** The lead's timeline as `leads.timeline` reads it: one indexed query on WebhookEvent(leadId, receivedAt, id). */
const timeline = (leadId: string) =>
  h.t.db.webhookEvent.findMany({
    where: { leadId },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true, eventName: true, outcome: true, changes: true },
  });
const at = (iso: string) => ({ created_at: iso });
const T1 = "2026-05-12T15:00:00.000Z";
const T2 = "2026-05-12T16:00:00.000Z";
const T3 = "2026-05-12T17:00:00.000Z";

const HOST_A = "https://api.calendly.com/users/HOST-A";
const fullBooking = (email: string, createdAt: string) =>
  buildWebhookEnvelope(
    "invitee.created",
    {
      email,
      name: "Maria Lopez",
      timezone: "America/Chicago",
      text_reminder_number: "+1 312-555-0147",
      questions_and_answers: [
        { question: "Phone", answer: "+1 312-555-0147", position: 1 },
        { question: "Company size", answer: "11-50", position: 0 },
      ],
      tracking: {
        utm_source: "crm",
        utm_medium: "email",
        utm_campaign: "spring",
        utm_content: "c-1",
        utm_term: "demo",
      },
      scheduled_event: {
        name: "30 Minute Discovery Call",
        location: { type: "zoom", status: "pushed", join_url: "https://zoom.example/j/111" },
        event_memberships: [{ user: HOST_A, user_email: "Sam.Rep@Acme.Example", user_name: "Sam Rep" }],
      },
    },
    at(createdAt),
  );

describe("appointment details", () => {
  it("are stored from a full invitee payload (host email lower-case, answers in Calendly's order)", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = fullBooking("full@x.test", T1);
    const r = await deliver(ws.id, body);
    expect(await lead(r.leadId!)).toMatchObject({
      appointmentStatus: "BOOKED",
      appointmentEventName: "30 Minute Discovery Call",
      appointmentLocationType: "zoom",
      appointmentLocation: null,
      appointmentJoinUrl: "https://zoom.example/j/111",
      appointmentHostName: "Sam Rep",
      appointmentHostEmail: "sam.rep@acme.example",
      appointmentHostUri: HOST_A,
      appointmentRescheduleUrl: body.payload.reschedule_url,
      appointmentCancelUrl: body.payload.cancel_url,
      appointmentAnswers: [
        { question: "Company size", answer: "11-50", position: 0 },
        { question: "Phone", answer: "+1 312-555-0147", position: 1 },
      ],
      appointmentTextReminderNumber: "+1 312-555-0147",
      appointmentTimezone: "America/Chicago",
      utmSource: "crm",
      utmMedium: "email",
      utmCampaign: "spring",
      utmContent: "c-1",
      utmTerm: "demo",
      calendlyNoShowUri: null,
      appointmentCancelerType: null,
    });
    expect(r.changes).toMatchObject({
      appointmentJoinUrl: [null, "https://zoom.example/j/111"],
      appointmentHostEmail: [null, "sam.rep@acme.example"],
      appointmentStartAt: [null, body.payload.scheduled_event.start_time],
    });
  });

  it("a physical or phone location keeps its text; cancel and no-show record their own details", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope(
      "invitee.created",
      {
        email: "place@x.test",
        scheduled_event: { location: { type: "physical", location: "1 Main St, Springfield" } },
      },
      at(T1),
    );
    const r = await deliver(ws.id, created);
    expect(await lead(r.leadId!)).toMatchObject({
      appointmentLocationType: "physical",
      appointmentLocation: "1 Main St, Springfield",
      appointmentJoinUrl: null,
    });
    const noShow = buildWebhookEnvelope(
      "invitee_no_show.created",
      { uri: created.payload.uri, email: "place@x.test" },
      at(T2),
    );
    const ns = await deliver(ws.id, noShow);
    expect(ns.changes).toEqual({
      appointmentStatus: ["BOOKED", "NO_SHOW"],
      calendlyNoShowUri: [null, (noShow.payload.no_show as { uri: string }).uri],
    });
    const removed = await deliver(
      ws.id,
      buildWebhookEnvelope("invitee_no_show.deleted", { uri: created.payload.uri, email: "place@x.test" }, at(T3)),
    );
    expect(removed.changes).toEqual({
      appointmentStatus: ["NO_SHOW", "BOOKED"],
      calendlyNoShowUri: [(noShow.payload.no_show as { uri: string }).uri, null],
    });
    const cancel = await deliver(
      ws.id,
      buildWebhookEnvelope(
        "invitee.canceled",
        {
          uri: created.payload.uri,
          email: "place@x.test",
          cancellation: { canceled_by: "Sam Rep", reason: "Host sick", canceler_type: "host", created_at: T3 },
        },
        at("2026-05-12T18:00:00.000Z"),
      ),
    );
    expect(cancel.changes).toMatchObject({
      appointmentStatus: ["BOOKED", "CANCELED"],
      appointmentCancelReason: [null, "Host sick"],
      appointmentCanceledBy: [null, "Sam Rep"],
      appointmentCancelerType: [null, "host"],
    });
  });

  it("a reschedule keeps the history (each delivery on the lead with its changes) and moves the details", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const original = fullBooking("move@x.test", T1);
    const r0 = await deliver(ws.id, original);
    const newEvent = "https://api.calendly.com/scheduled_events/22222222-2222-4333-8444-555555555555";
    const created = buildWebhookEnvelope(
      "invitee.created",
      {
        email: "move@x.test",
        old_invitee: original.payload.uri,
        questions_and_answers: [],
        tracking: null,
        timezone: null,
        scheduled_event: {
          uri: newEvent,
          name: "Follow-up Call",
          start_time: "2026-06-01T10:00:00.000Z",
          end_time: "2026-06-01T10:30:00.000Z",
          location: { type: "google_conference", join_url: "https://meet.example/new" },
          event_memberships: [
            { user: "https://api.calendly.com/users/HOST-B", user_email: "Kim@Acme.Example", user_name: "Kim" },
          ],
        },
      },
      at(T2),
    );
    const canceled = buildWebhookEnvelope(
      "invitee.canceled",
      { uri: original.payload.uri, email: "move@x.test", rescheduled: true, new_invitee: created.payload.uri },
      at(T2),
    );
    const rc = await deliver(ws.id, canceled);
    const rn = await deliver(ws.id, created);
    expect(rc.leadId).toBe(r0.leadId);
    expect(rn.leadId).toBe(r0.leadId);
    expect(await lead(r0.leadId!)).toMatchObject({
      appointmentStatus: "BOOKED",
      calendlyInviteeUri: created.payload.uri,
      calendlyScheduledEventUri: newEvent,
      appointmentEventName: "Follow-up Call",
      appointmentLocationType: "google_conference",
      appointmentJoinUrl: "https://meet.example/new",
      appointmentHostName: "Kim",
      appointmentHostEmail: "kim@acme.example",
      appointmentRescheduleUrl: created.payload.reschedule_url,
      appointmentCancelReason: null,
      appointmentCancelerType: null,
      // What the invitee told Calendly stays with the lead when the new invitee does not repeat it.
      utmSource: "crm",
      utmContent: "c-1",
      appointmentTimezone: "America/Chicago",
      appointmentAnswers: [
        { question: "Company size", answer: "11-50", position: 0 },
        { question: "Phone", answer: "+1 312-555-0147", position: 1 },
      ],
    });
    const history = await timeline(r0.leadId!);
    expect(history.map((h) => [h.eventName, h.outcome])).toEqual([
      ["invitee.created", "booked"],
      ["invitee.canceled", "rescheduled"],
      ["invitee.created", "rescheduled_booked"],
    ]);
    expect(history[1]!.changes).toMatchObject({
      appointmentStatus: ["BOOKED", "RESCHEDULED"],
      appointmentCancelerType: [null, "invitee"],
    });
    expect(history[2]!.changes).toMatchObject({
      appointmentStatus: ["RESCHEDULED", "BOOKED"],
      calendlyInviteeUri: [original.payload.uri, created.payload.uri],
      appointmentJoinUrl: ["https://zoom.example/j/111", "https://meet.example/new"],
      appointmentStartAt: [original.payload.scheduled_event.start_time, "2026-06-01T10:00:00.000Z"],
    });
    expect(history[2]!.changes).not.toHaveProperty("utmSource");
  });

  it("a stale delivery changes no detail, and is on the timeline with no changes", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const newer = fullBooking("stale@x.test", T2);
    const r = await deliver(ws.id, newer);
    const before = await lead(r.leadId!);
    const older = buildWebhookEnvelope(
      "invitee.created",
      {
        email: "stale@x.test",
        tracking: { utm_source: "old-source" },
        scheduled_event: {
          name: "Old Call",
          location: { type: "physical", location: "Old street" },
          event_memberships: [{ user: "u", user_email: "old@host.test", user_name: "Old Host" }],
        },
      },
      at(T1),
    );
    const s = await deliver(ws.id, older);
    expect(s).toMatchObject({ outcome: "stale", leadId: r.leadId, changes: {} });
    const after = await lead(r.leadId!);
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    expect((await timeline(r.leadId!)).map((h) => h.outcome)).toEqual(["booked", "stale"]);
  });

  it("an invitee of another workspace's lead is never put on that lead's timeline", async () => {
    const a = await createWorkspace(h.t.db, h.secrets);
    const b = await createWorkspace(h.t.db, h.secrets, { name: "B" });
    const booked = buildWebhookEnvelope("invitee.created", { email: "tenant@x.test" }, at(T1));
    const r = await deliver(a.id, booked);
    const foreign = await deliver(
      b.id,
      buildWebhookEnvelope("invitee.canceled", { uri: booked.payload.uri, email: "tenant@x.test" }, at(T2)),
    );
    expect(foreign).toMatchObject({ status: "IGNORED", outcome: "invitee_in_other_workspace", leadId: null });
    expect((await timeline(r.leadId!)).map((h) => h.outcome)).toEqual(["booked"]);
  });
});
