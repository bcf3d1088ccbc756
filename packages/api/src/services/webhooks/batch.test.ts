import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { parseCalendlyWebhook } from "@booking/calendly/webhooks";
import type { SecretBox } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { createDeliveryBatcher } from "./batch.ts";
import { type DeliveryInput, type DeliveryResult, receiveDeliveries } from "./receive.ts";
import { createWorkspace, testSecrets } from "./test-helpers.ts";

let t: TestDatabase;
let secrets: SecretBox;
beforeAll(async () => {
  t = await createTestDatabase();
  secrets = testSecrets();
});
afterAll(async () => t?.drop());

const deps = () => ({ db: t.db, secrets });
const lead = (id: string) => t.db.lead.findUniqueOrThrow({ where: { id } });
const input = (workspaceId: string, body: unknown): DeliveryInput => {
  const rawBody = JSON.stringify(body);
  const p = parseCalendlyWebhook(rawBody);
  if (!p.ok) throw new Error(p.error);
  return { workspaceId, rawBody, envelope: p.envelope, invitee: p.invitee };
};
async function batch(workspaceId: string, bodies: unknown[]): Promise<DeliveryResult[]> {
  const out = await receiveDeliveries(
    deps(),
    bodies.map((b) => input(workspaceId, b)),
  );
  return out.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}
const at = (iso: string) => ({ created_at: iso });
const T1 = "2026-05-12T15:00:00.000Z";
const T2 = "2026-05-12T16:00:00.000Z";
const T3 = "2026-05-12T17:00:00.000Z";

describe("one batch = one transaction, same effect as one by one", () => {
  it("copies of one delivery in a batch: one inbox row counting them, one effect", async () => {
    const ws = await createWorkspace(t.db, secrets);
    const body = buildWebhookEnvelope("invitee.created", { email: "copies@x.test" });
    const other = buildWebhookEnvelope("invitee.created", { email: "other@x.test" });
    const rs = await batch(ws.id, [body, other, body, body]);
    expect(rs.map((r) => r.duplicate)).toEqual([false, false, true, true]);
    expect(rs[0]).toMatchObject({ status: "PROCESSED", outcome: "booked", leadCreated: true });
    expect(rs[2]).toMatchObject({
      eventId: rs[0]!.eventId,
      outcome: "duplicate",
      leadId: rs[0]!.leadId,
      leadCreated: false,
    });
    const rows = await t.db.webhookEvent.findMany({ where: { clientId: ws.id }, orderBy: { idempotencyKey: "asc" } });
    expect(rows.map((r) => [r.idempotencyKey, r.deliveryCount, r.attempts, r.status])).toEqual(
      [
        [`invitee.created:${body.payload.uri}`, 3, 1, "PROCESSED"],
        [`invitee.created:${other.payload.uri}`, 1, 1, "PROCESSED"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await t.db.lead.count({ where: { clientId: ws.id } })).toBe(2);
    // Redelivered in a later batch: counted, not re-applied.
    const again = await batch(ws.id, [body, body]);
    expect(again.every((r) => r.duplicate && r.eventId === rs[0]!.eventId)).toBe(true);
    expect((await t.db.webhookEvent.findUniqueOrThrow({ where: { id: rs[0]!.eventId } })).deliveryCount).toBe(5);
  });

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
      const ws = await createWorkspace(t.db, secrets);
      const original = buildWebhookEnvelope("invitee.created", { email: "move@x.test" }, at(T1));
      const [r0] = await batch(ws.id, [original]);
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
      const rs = await batch(ws.id, order === "cancel-first" ? [canceled, created] : [created, canceled]);
      expect(rs.every((r) => r.status === "PROCESSED" && r.leadId === r0!.leadId)).toBe(true);
      const l = await lead(r0!.leadId!);
      expect(l).toMatchObject({
        appointmentStatus: "BOOKED",
        calendlyInviteeUri: created.payload.uri,
        calendlyScheduledEventUri: newEvent,
      });
      expect(l.appointmentStartAt?.toISOString()).toBe(newStart);
      expect(await t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
    },
  );

  it("a whole invitee history for a new person in one batch: one lead, the last state", async () => {
    const ws = await createWorkspace(t.db, secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "Hist@x.test" }, at(T1));
    const noShow = buildWebhookEnvelope(
      "invitee_no_show.created",
      { uri: created.payload.uri, email: "hist@x.test" },
      at(T2),
    );
    const second = buildWebhookEnvelope("invitee.created", { email: "hist@x.test" }, at(T1)); // another booking of the same person, older
    const rs = await batch(ws.id, [created, noShow, second]);
    expect(rs.map((r) => r.outcome)).toEqual(["booked", "no_show", "stale"]);
    expect(rs.map((r) => r.leadCreated)).toEqual([true, false, false]);
    expect(new Set(rs.map((r) => r.leadId)).size).toBe(1);
    expect(await lead(rs[0]!.leadId!)).toMatchObject({
      appointmentStatus: "NO_SHOW",
      email: "hist@x.test",
      calendlyInviteeUri: created.payload.uri,
    });
  });

  it("one poisoned delivery does not fail the others of its batch: it is kept FAILED with its error", async () => {
    const ws = await createWorkspace(t.db, secrets);
    await t.db.$executeRawUnsafe(`CREATE FUNCTION batch_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.email LIKE 'poison%' THEN RAISE EXCEPTION 'lead rejected by test trigger'; END IF; RETURN NEW; END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER batch_boom BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION batch_boom()`,
    );
    try {
      const bodies = [
        buildWebhookEnvelope("invitee.created", { email: "fine1@x.test" }),
        buildWebhookEnvelope("invitee.created", { email: "poison@x.test" }),
        buildWebhookEnvelope("invitee.created", { email: "fine2@x.test" }),
      ];
      const rs = await batch(ws.id, [...bodies, bodies[1]]);
      expect(rs.map((r) => r.status)).toEqual(["PROCESSED", "FAILED", "PROCESSED", "FAILED"]);
      expect(rs[1]).toMatchObject({
        duplicate: false,
        outcome: "mapping_failed",
        error: expect.stringMatching(/lead rejected by test trigger/),
      });
      expect(rs[3]).toMatchObject({ duplicate: true, eventId: rs[1]!.eventId });
      expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id: rs[1]!.eventId } })).toMatchObject({
        status: "FAILED",
        deliveryCount: 2,
        attempts: 1,
      });
      expect(
        (
          await t.db.lead.findMany({ where: { clientId: ws.id }, select: { email: true }, orderBy: { email: "asc" } })
        ).map((l) => l.email),
      ).toEqual(["fine1@x.test", "fine2@x.test"]);
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER batch_boom ON "Lead"`);
    }
  });

  it("an unknown workspace fails only its own delivery (NOT_FOUND)", async () => {
    const ws = await createWorkspace(t.db, secrets);
    const out = await receiveDeliveries(deps(), [
      input(ws.id, buildWebhookEnvelope("invitee.created", { email: "known@x.test" })),
      input("no-such-workspace", buildWebhookEnvelope("invitee.created", { email: "unknown@x.test" })),
    ]);
    expect(out[0]).toMatchObject({ status: "PROCESSED", outcome: "booked" });
    expect(out[1]).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the batcher", () => {
  it("groups concurrent deliveries, answers each with its own result, and counts 20 concurrent copies once", async () => {
    const ws = await createWorkspace(t.db, secrets);
    const batcher = createDeliveryBatcher(deps(), { maxBatch: 8 });
    const copy = buildWebhookEnvelope("invitee.created", { email: "burst@x.test" });
    const others = Array.from({ length: 30 }, (_, i) =>
      buildWebhookEnvelope("invitee.created", { email: `b${i}@x.test` }),
    );
    const rs = await Promise.all(
      [...Array.from({ length: 20 }, () => copy), ...others].map((b) => batcher.submit(input(ws.id, b))),
    );
    await batcher.close();
    expect(rs.slice(0, 20).filter((r) => !r.duplicate)).toHaveLength(1);
    expect(rs.slice(20).every((r) => !r.duplicate && r.outcome === "booked" && r.leadCreated)).toBe(true);
    expect(
      await t.db.webhookEvent.findFirstOrThrow({ where: { clientId: ws.id, inviteeUri: copy.payload.uri } }),
    ).toMatchObject({ deliveryCount: 20, attempts: 1 });
    expect(await t.db.lead.count({ where: { clientId: ws.id } })).toBe(31);
    const batches = await t.db.webhookEvent.groupBy({ by: ["receivedAt"], where: { clientId: ws.id } });
    expect(batches.length).toBeLessThan(31); // grouped into transactions
    expect((await t.db.client.findUniqueOrThrow({ where: { id: ws.id } })).calendlyLastWebhookAt).not.toBeNull();
    await expect(batcher.submit(input(ws.id, copy))).rejects.toThrow(/closed/);
  });

  it("two batchers (two processes) on one database: different invitees of one new person make one lead", async () => {
    const ws = await createWorkspace(t.db, secrets);
    const a = createDeliveryBatcher(deps());
    const b = createDeliveryBatcher(deps());
    const bodies = Array.from({ length: 12 }, (_, i) =>
      buildWebhookEnvelope("invitee.created", { email: i % 2 ? "Same@x.test" : "same@x.test" }, at(i % 3 ? T1 : T2)),
    );
    const rs = await Promise.all(
      bodies.flatMap((body, i) => [
        a.submit(input(ws.id, body)),
        (i % 2 ? a : b).submit(input(ws.id, bodies[(i + 5) % 12])),
      ]),
    );
    await Promise.all([a.close(), b.close()]);
    expect(rs.every((r) => r.status === "PROCESSED")).toBe(true);
    const leads = await t.db.lead.findMany({ where: { clientId: ws.id } });
    expect(leads).toHaveLength(1);
    expect(rs.filter((r) => r.leadCreated)).toHaveLength(1);
    expect(new Set(rs.map((r) => r.leadId))).toEqual(new Set([leads[0]!.id]));
    const rows = await t.db.webhookEvent.findMany({ where: { clientId: ws.id } });
    expect(rows).toHaveLength(12);
    expect(rows.reduce((n, r) => n + r.deliveryCount, 0)).toBe(24);
  });
});
