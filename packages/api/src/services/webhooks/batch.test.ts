// Group commit on the way in (one INSERT per batch of deliveries) and batches on the way out (one
// mapping transaction per batch of inbox rows): the same effect as one by one.
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { createDeliveryBatcher } from "./batch.ts";
import { drainInbox, mapNextBatch } from "./map-inbox.ts";
import { type StoredDelivery, storeDeliveries } from "./receive.ts";
import { createWorkspace, delivery, webhookTestDatabase } from "./test-helpers.ts";

const h = webhookTestDatabase();

const deps = () => ({ sql: h.pool.sql });
const lead = (id: string) => h.t.db.lead.findUniqueOrThrow({ where: { id } });
async function storeAll(workspaceId: string, bodies: unknown[]): Promise<StoredDelivery[]> {
  const out = await storeDeliveries(
    h.pool.sql,
    bodies.map((b) => delivery(workspaceId, b)),
    new Date(),
  );
  return out.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}
const rowsOf = (ids: string[]) =>
  Promise.all(ids.map((id) => h.t.db.webhookEvent.findUniqueOrThrow({ where: { id } })));
const at = (iso: string) => ({ created_at: iso });
const T1 = "2026-05-12T15:00:00.000Z";
const T2 = "2026-05-12T16:00:00.000Z";
const T3 = "2026-05-12T17:00:00.000Z";

describe("storing a batch: one statement, each delivery answered as if alone", () => {
  it("copies of one delivery in a batch: one inbox row counting them; mapped once", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "copies@x.test" });
    const other = buildWebhookEnvelope("invitee.created", { email: "other@x.test" });
    const rs = await storeAll(ws.id, [body, other, body, body]);
    expect(rs.map((r) => r.duplicate)).toEqual([false, false, true, true]);
    expect(rs[2]).toEqual({ ...rs[0], duplicate: true });
    const rows = await h.t.db.webhookEvent.findMany({ where: { clientId: ws.id }, orderBy: { idempotencyKey: "asc" } });
    expect(rows.map((r) => [r.idempotencyKey, r.deliveryCount, r.status])).toEqual(
      [
        [`invitee.created:${body.payload.uri}`, 3, "RECEIVED"],
        [`invitee.created:${other.payload.uri}`, 1, "RECEIVED"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    await drainInbox(deps());
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(2);
    // Redelivered in a later batch: counted, not re-applied.
    const again = await storeAll(ws.id, [body, body]);
    expect(again.every((r) => r.duplicate && r.eventId === rs[0]!.eventId && r.status === "PROCESSED")).toBe(true);
    expect(await drainInbox(deps())).toMatchObject({ claimed: 0 });
    expect((await h.t.db.webhookEvent.findUniqueOrThrow({ where: { id: rs[0]!.eventId } })).deliveryCount).toBe(5);
  });

  it("an unknown workspace fails only its own delivery (NOT_FOUND)", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const out = await storeDeliveries(
      h.pool.sql,
      [
        delivery(ws.id, buildWebhookEnvelope("invitee.created", { email: "known@x.test" })),
        delivery("no-such-workspace", buildWebhookEnvelope("invitee.created", { email: "unknown@x.test" })),
      ],
      new Date(),
    );
    expect(out[0]).toMatchObject({ duplicate: false, status: "RECEIVED" });
    expect(out[1]).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("mapping a batch: one transaction, same effect as one by one", () => {
  it.each([
    ["cancel-first", T2, T2],
    ["create-first", T2, T2],
    ["cancel-first", T3, T2],
    ["create-first", T3, T2],
    ["cancel-first", T2, T3],
    ["create-first", T2, T3],
  ] as const)(
    "a reschedule's two deliveries in one batch (%s, cancel at %s, create at %s) end BOOKED at the new time",
    async (order, cancelAt, createAt) => {
      const ws = await createWorkspace(h.t.db, h.secrets);
      const original = buildWebhookEnvelope("invitee.created", { email: "move@x.test" }, at(T1));
      const [r0] = await storeAll(ws.id, [original]);
      await drainInbox(deps());
      const leadId = (await rowsOf([r0!.eventId]))[0]!.leadId;
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
        { uri: original.payload.uri, email: "move@x.test", rescheduled: true, new_invitee: created.payload.uri },
        at(cancelAt),
      );
      const rs = await storeAll(ws.id, order === "cancel-first" ? [canceled, created] : [created, canceled]);
      expect(await mapNextBatch(deps())).toMatchObject({ claimed: 2, processed: 2 });
      const rows = await rowsOf(rs.map((r) => r.eventId));
      expect(rows.every((r) => r.status === "PROCESSED" && r.leadId === leadId)).toBe(true);
      const l = await lead(leadId!);
      expect(l).toMatchObject({
        appointmentStatus: "BOOKED",
        calendlyInviteeUri: created.payload.uri,
        calendlyScheduledEventUri: newEvent,
      });
      expect(l.appointmentStartAt?.toISOString()).toBe(newStart);
      expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
    },
  );

  it("a whole invitee history for a new person in one batch: one lead, the last state", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "Hist@x.test" }, at(T1));
    const noShow = buildWebhookEnvelope(
      "invitee_no_show.created",
      { uri: created.payload.uri, email: "hist@x.test" },
      at(T2),
    );
    const second = buildWebhookEnvelope("invitee.created", { email: "hist@x.test" }, at(T1)); // another booking of the same person, older
    const rs = await storeAll(ws.id, [created, noShow, second]);
    expect(await mapNextBatch(deps())).toMatchObject({ claimed: 3, processed: 3 });
    const rows = await rowsOf(rs.map((r) => r.eventId));
    expect(rows.map((r) => r.outcome)).toEqual(["booked", "no_show", "stale"]);
    expect(new Set(rows.map((r) => r.leadId)).size).toBe(1);
    expect(await lead(rows[0]!.leadId!)).toMatchObject({
      appointmentStatus: "NO_SHOW",
      email: "hist@x.test",
      calendlyInviteeUri: created.payload.uri,
    });
    expect(rows[0]!.changes).toMatchObject({ appointmentStatus: ["NONE", "BOOKED"] });
    expect(rows[1]!.changes).toMatchObject({ appointmentStatus: ["BOOKED", "NO_SHOW"] });
  });
});

describe("the batcher", () => {
  it("groups concurrent deliveries, answers each with its own result, and counts 20 concurrent copies once", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const batcher = createDeliveryBatcher(deps(), { maxBatch: 8 });
    const copy = buildWebhookEnvelope("invitee.created", { email: "burst@x.test" });
    const others = Array.from({ length: 30 }, (_, i) =>
      buildWebhookEnvelope("invitee.created", { email: `b${i}@x.test` }),
    );
    const rs = await Promise.all(
      [...Array.from({ length: 20 }, () => copy), ...others].map((b) => batcher.submit(delivery(ws.id, b))),
    );
    await batcher.close();
    expect(rs.slice(0, 20).filter((r) => !r.duplicate)).toHaveLength(1);
    expect(rs.slice(20).every((r) => !r.duplicate && r.status === "RECEIVED")).toBe(true);
    expect(
      await h.t.db.webhookEvent.findFirstOrThrow({ where: { clientId: ws.id, inviteeUri: copy.payload.uri } }),
    ).toMatchObject({ deliveryCount: 20, attempts: 0 });
    const batches = await h.t.db.webhookEvent.groupBy({ by: ["receivedAt"], where: { clientId: ws.id } });
    expect(batches.length).toBeLessThan(31); // grouped into statements
    expect((await h.t.db.client.findUniqueOrThrow({ where: { id: ws.id } })).calendlyLastWebhookAt).not.toBeNull();
    await expect(batcher.submit(delivery(ws.id, copy))).rejects.toThrow(/closed/);
    await drainInbox(deps());
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(31);
  });

  it("two batchers and two workers on one database: different invitees of one new person make one lead", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const a = createDeliveryBatcher(deps());
    const b = createDeliveryBatcher(deps());
    const bodies = Array.from({ length: 12 }, (_, i) =>
      buildWebhookEnvelope("invitee.created", { email: i % 2 ? "Same@x.test" : "same@x.test" }, at(i % 3 ? T1 : T2)),
    );
    await Promise.all(
      bodies.flatMap((body, i) => [
        a.submit(delivery(ws.id, body)),
        (i % 2 ? a : b).submit(delivery(ws.id, bodies[(i + 5) % 12])),
      ]),
    );
    await Promise.all([a.close(), b.close()]);
    await Promise.all([drainInbox({ ...deps() }), drainInbox({ ...deps() }), mapNextBatch(deps(), { limit: 3 })]);
    await drainInbox(deps());
    const leads = await h.t.db.lead.findMany({ where: { clientId: ws.id } });
    expect(leads).toHaveLength(1);
    const rows = await h.t.db.webhookEvent.findMany({ where: { clientId: ws.id } });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === "PROCESSED" && r.leadId === leads[0]!.id && r.attempts === 1)).toBe(true);
    expect(rows.reduce((n, r) => n + r.deliveryCount, 0)).toBe(24);
    expect(rows.filter((r) => (r.changes as Record<string, unknown>).email)).toHaveLength(1); // created once
  });
});
