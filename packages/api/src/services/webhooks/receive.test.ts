// Storing a delivery (as the webhooks server does) and mapping it (as the worker does, through
// drainInbox): SPEC section 4, end to end on a real PostgreSQL.
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { drainInbox } from "./map-inbox.ts";
import { createWorkspace, deliver as deliverTo, store, webhookTestDatabase } from "./test-helpers.ts";

const h = webhookTestDatabase();

const deps = () => ({ sql: h.pool.sql });
const deliver = (workspaceId: string, body: unknown) => deliverTo(deps(), h.t.db, workspaceId, body);
/** Several workers draining at once, until every one finds nothing left. */
const drainConcurrently = (workers = 4) => Promise.all(Array.from({ length: workers }, () => drainInbox(deps())));
const lead = (id: string) => h.t.db.lead.findUniqueOrThrow({ where: { id } });

describe("invitee.created", () => {
  it("is stored RECEIVED, unmapped, until the worker maps it", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "waiting@x.test" });
    const stored = await store(deps(), ws.id, body);
    expect(stored).toMatchObject({ duplicate: false, status: "RECEIVED" });
    expect(await h.t.db.webhookEvent.findUniqueOrThrow({ where: { id: stored.eventId } })).toMatchObject({
      status: "RECEIVED",
      attempts: 0,
      leadId: null,
      rawBody: JSON.stringify(body),
    });
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(0);
    expect(await drainInbox(deps())).toMatchObject({ claimed: 1, processed: 1 });
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
  });

  it("creates a CALENDLY lead, BOOKED at the scheduled time, and records the mapping on the delivery", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "New.Person@Example.TEST", name: "New Person" });
    const r = await deliver(ws.id, body);
    expect(r).toMatchObject({ duplicate: false, status: "PROCESSED", outcome: "booked" });
    const l = await lead(r.leadId!);
    expect(l).toMatchObject({
      clientId: ws.id,
      email: "new.person@example.test",
      name: "New Person",
      source: "CALENDLY",
      appointmentStatus: "BOOKED",
      calendlyInviteeUri: body.payload.uri,
      calendlyScheduledEventUri: body.payload.scheduled_event.uri,
    });
    expect(l.appointmentStartAt?.toISOString()).toBe(
      new Date(body.payload.scheduled_event.start_time as string).toISOString(),
    );
    expect(l.calendlyEventAt?.toISOString()).toBe(new Date(body.created_at).toISOString());
    const ev = await h.t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.eventId } });
    expect(ev).toMatchObject({
      clientId: ws.id,
      eventName: "invitee.created",
      idempotencyKey: `invitee.created:${body.payload.uri}`,
      status: "PROCESSED",
      outcome: "booked",
      leadId: l.id,
      deliveryCount: 1,
      attempts: 1,
      rawBody: JSON.stringify(body),
      changes: expect.objectContaining({
        name: [null, "New Person"],
        email: [null, "new.person@example.test"],
        appointmentStatus: ["NONE", "BOOKED"],
      }),
    });
  });
});

const at = (iso: string) => ({ created_at: iso });
const T0 = "2026-05-12T14:00:00.000Z";
const T1 = "2026-05-12T15:00:00.000Z";
const T2 = "2026-05-12T16:00:00.000Z";
const T3 = "2026-05-12T17:00:00.000Z";

describe("which lead (SPEC 4)", () => {
  it("utm_content naming a lead of this workspace wins over the email", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const byEmail = await h.t.db.lead.create({ data: { clientId: ws.id, name: "E", email: "same@x.test" } });
    const byId = await h.t.db.lead.create({ data: { clientId: ws.id, name: "U", email: "other@x.test" } });
    const r = await deliver(
      ws.id,
      buildWebhookEnvelope("invitee.created", { email: "same@x.test", tracking: { utm_content: byId.id } }),
    );
    expect(r.leadId).toBe(byId.id);
    expect((await lead(byId.id)).appointmentStatus).toBe("BOOKED");
    expect((await lead(byEmail.id)).appointmentStatus).toBe("NONE");
  });

  it("matches the email case-insensitively", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const l = await h.t.db.lead.create({ data: { clientId: ws.id, name: "M", email: "maria@x.test" } });
    const r = await deliver(ws.id, buildWebhookEnvelope("invitee.created", { email: "  MARIA@X.Test " }));
    expect(r).toMatchObject({ leadId: l.id, outcome: "booked" });
  });

  it("never touches another workspace's lead (utm_content or email of another workspace)", async () => {
    const mine = await createWorkspace(h.t.db, h.secrets);
    const other = await createWorkspace(h.t.db, h.secrets, { name: "Other" });
    const foreign = await h.t.db.lead.create({ data: { clientId: other.id, name: "F", email: "shared@x.test" } });
    const r = await deliver(
      mine.id,
      buildWebhookEnvelope("invitee.created", { email: "shared@x.test", tracking: { utm_content: foreign.id } }),
    );
    expect((await lead(r.leadId!)).clientId).toBe(mine.id);
    expect(await lead(foreign.id)).toMatchObject({ appointmentStatus: "NONE", calendlyInviteeUri: null });
  });

  it("ignores an invitee that already belongs to another workspace's lead", async () => {
    const a = await createWorkspace(h.t.db, h.secrets);
    const b = await createWorkspace(h.t.db, h.secrets, { name: "B" });
    const body = buildWebhookEnvelope("invitee.created", { email: "x1@x.test" });
    const first = await deliver(a.id, body);
    const cancel = buildWebhookEnvelope(
      "invitee.canceled",
      { uri: body.payload.uri, email: "x1@x.test" },
      at("2030-01-01T00:00:00Z"),
    );
    const r = await deliver(b.id, cancel);
    expect(r).toMatchObject({ status: "IGNORED", outcome: "invitee_in_other_workspace", leadId: null });
    expect((await lead(first.leadId!)).appointmentStatus).toBe("BOOKED");
    expect(await h.t.db.lead.count({ where: { clientId: b.id } })).toBe(0);
  });
});

describe("appointment states", () => {
  it("invitee.canceled → CANCELED with reason and canceler", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "c@x.test" }, at(T1));
    const r1 = await deliver(ws.id, created);
    const r2 = await deliver(
      ws.id,
      buildWebhookEnvelope(
        "invitee.canceled",
        {
          uri: created.payload.uri,
          email: "c@x.test",
          cancellation: { canceled_by: "Host Person", reason: "Sick", canceler_type: "host", created_at: T2 },
        },
        at(T2),
      ),
    );
    expect(r2).toMatchObject({ outcome: "canceled", leadId: r1.leadId });
    expect(await lead(r1.leadId!)).toMatchObject({
      appointmentStatus: "CANCELED",
      appointmentCancelReason: "Sick",
      appointmentCanceledBy: "Host Person",
    });
  });

  it("a canceled with rescheduled=true is RESCHEDULED, never CANCELED", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "r@x.test" }, at(T1));
    const r1 = await deliver(ws.id, created);
    await deliver(
      ws.id,
      buildWebhookEnvelope(
        "invitee.canceled",
        {
          uri: created.payload.uri,
          email: "r@x.test",
          rescheduled: true,
          new_invitee: "https://api.calendly.com/scheduled_events/NEW/invitees/NEW",
        },
        at(T2),
      ),
    );
    expect((await lead(r1.leadId!)).appointmentStatus).toBe("RESCHEDULED");
  });

  it("no-show, then no-show removed → NO_SHOW then BOOKED", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "n@x.test" }, at(T1));
    const r1 = await deliver(ws.id, created);
    const ns = await deliver(
      ws.id,
      buildWebhookEnvelope("invitee_no_show.created", { uri: created.payload.uri, email: "n@x.test" }, at(T2)),
    );
    expect(ns.outcome).toBe("no_show");
    expect((await lead(r1.leadId!)).appointmentStatus).toBe("NO_SHOW");
    const del = await deliver(
      ws.id,
      buildWebhookEnvelope(
        "invitee_no_show.deleted",
        { uri: created.payload.uri, email: "n@x.test", no_show: null },
        at(T3),
      ),
    );
    expect(del.outcome).toBe("no_show_removed");
    const l = await lead(r1.leadId!);
    expect(l.appointmentStatus).toBe("BOOKED");
    expect(l.appointmentStartAt?.toISOString()).toBe(
      new Date(created.payload.scheduled_event.start_time as string).toISOString(),
    );
  });

  it("an older event arriving after a newer one does not undo it", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "s@x.test" }, at(T1));
    const cancel = buildWebhookEnvelope("invitee.canceled", { uri: created.payload.uri, email: "s@x.test" }, at(T2));
    const rc = await deliver(ws.id, cancel);
    const rb = await deliver(ws.id, created);
    expect(rb).toMatchObject({ outcome: "stale", leadId: rc.leadId, status: "PROCESSED" });
    expect((await lead(rc.leadId!)).appointmentStatus).toBe("CANCELED");
  });
});

describe("reschedule, in both delivery orders", () => {
  async function scenario(order: "cancel-first" | "create-first", cancelAt: string, createAt: string) {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const original = buildWebhookEnvelope("invitee.created", { email: "move@x.test" }, at(T1));
    const r0 = await deliver(ws.id, original);
    const newEvent = "https://api.calendly.com/scheduled_events/11111111-2222-4333-8444-555555555555";
    const newStart = "2026-06-01T10:00:00.000Z";
    const created = buildWebhookEnvelope(
      "invitee.created",
      {
        email: "move@x.test",
        old_invitee: original.payload.uri,
        scheduled_event: { uri: newEvent, start_time: newStart, end_time: "2026-06-01T10:30:00.000Z" },
      },
      at(createAt),
    );
    const canceled = buildWebhookEnvelope(
      "invitee.canceled",
      {
        uri: original.payload.uri,
        email: "move@x.test",
        rescheduled: true,
        new_invitee: created.payload.uri,
      },
      at(cancelAt),
    );
    const sequence = order === "cancel-first" ? [canceled, created] : [created, canceled];
    for (const b of sequence) await deliver(ws.id, b);
    const l = await lead(r0.leadId!);
    expect(l).toMatchObject({
      appointmentStatus: "BOOKED",
      calendlyInviteeUri: created.payload.uri,
      calendlyScheduledEventUri: newEvent,
    });
    expect(l.appointmentStartAt?.toISOString()).toBe(newStart);
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
  }
  it.each([
    ["cancel-first", T2, T2],
    ["create-first", T2, T2],
    ["cancel-first", T3, T2],
    ["create-first", T3, T2],
    ["cancel-first", T2, T3],
    ["create-first", T2, T3],
  ] as const)("%s (cancel at %s, create at %s) ends BOOKED at the new time", scenario);
});

describe("duplicates and unknown events", () => {
  it("the same delivery twice has one effect and counts the delivery", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "d@x.test" });
    const r1 = await deliver(ws.id, body);
    const r2 = await deliver(ws.id, body);
    expect(r2).toMatchObject({ duplicate: true, eventId: r1.eventId, outcome: "booked" });
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
    expect(await h.t.db.webhookEvent.findUniqueOrThrow({ where: { id: r1.eventId } })).toMatchObject({
      deliveryCount: 2,
      attempts: 1,
    });
  });

  it("stores and acknowledges a valid event it does not map", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = {
      event: "routing_form_submission.created",
      created_at: T1,
      created_by: "u",
      payload: { uri: "https://api.calendly.com/routing_form_submissions/1" },
    };
    const r = await deliver(ws.id, body);
    expect(r).toMatchObject({ duplicate: false, status: "IGNORED", outcome: "unhandled_event", leadId: null });
    expect((await deliver(ws.id, body)).duplicate).toBe(true);
  });
});

describe("concurrency (enforced by PostgreSQL)", () => {
  it("20 concurrent copies of one delivery → one inbox row (deliveryCount 20), one lead, one effect", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "burst@x.test" });
    const results = await Promise.all(Array.from({ length: 20 }, () => store(deps(), ws.id, body)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    await drainConcurrently();
    const rows = await h.t.db.webhookEvent.findMany({ where: { clientId: ws.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deliveryCount: 20, attempts: 1, status: "PROCESSED" });
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
  });

  it("different deliveries racing for a new invitee create one lead", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "race@x.test" }, at(T1));
    const bodies = [
      created,
      buildWebhookEnvelope("invitee_no_show.created", { uri: created.payload.uri, email: "race@x.test" }, at(T2)),
      // Another, older booking of the same person: it must not create a second lead, and being
      // older it never displaces the first booking, whatever order the four are applied in.
      buildWebhookEnvelope("invitee.created", { email: "race@x.test" }, at(T0)),
      // same invitee, different email spelling: serialized by the unique invitee URI instead
      buildWebhookEnvelope(
        "invitee_no_show.deleted",
        { uri: created.payload.uri, email: "Race+alias@x.test", no_show: null },
        at(T1),
      ),
    ];
    await Promise.all(bodies.map((b) => store(deps(), ws.id, b)));
    await drainConcurrently();
    const rows = await h.t.db.webhookEvent.findMany({ where: { clientId: ws.id } });
    expect(rows.map((r) => r.status)).toEqual(["PROCESSED", "PROCESSED", "PROCESSED", "PROCESSED"]);
    const leads = await h.t.db.lead.findMany({ where: { clientId: ws.id } });
    expect(leads.filter((l) => l.calendlyInviteeUri === created.payload.uri)).toHaveLength(1);
    expect(leads.filter((l) => l.email === "race@x.test")).toHaveLength(1);
  });
});
