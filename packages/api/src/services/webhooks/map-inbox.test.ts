// The mapping writer as the worker runs it: arrival order per invitee, isolation of a bad
// delivery, retries with back-off, then FAILED; bodies PostgreSQL's json would refuse.
import { buildWebhookEnvelope } from "@booking/calendly/testing";
import { drainInbox, mapNextBatch } from "./map-inbox.ts";
import { MAPPING_ATTEMPTS, retryDelayMs } from "./retry.ts";
import { createWorkspace, store, webhookTestDatabase } from "./test-helpers.ts";

const h = webhookTestDatabase();

let tick = Date.parse("2026-05-20T10:00:00.000Z");
const clock = () => new Date(tick);
const deps = () => ({ sql: h.pool.sql, clock });
const row = (id: string) => h.t.db.webhookEvent.findUniqueOrThrow({ where: { id } });
const at = (iso: string) => ({ created_at: iso });
const T1 = "2026-05-12T15:00:00.000Z";
const T2 = "2026-05-12T16:00:00.000Z";

async function withLeadTrigger(fn: () => Promise<void>) {
  await h.t.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NEW.email LIKE 'poison%' THEN RAISE EXCEPTION 'lead rejected by test trigger'; END IF; RETURN NEW; END $$`);
  await h.t.db.$executeRawUnsafe(
    `CREATE TRIGGER poison BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION poison()`,
  );
  try {
    await fn();
  } finally {
    await h.t.db.$executeRawUnsafe(`DROP TRIGGER poison ON "Lead"`);
  }
}

describe("arrival order per invitee", () => {
  it("a delivery another worker holds keeps the later ones of its invitee waiting, not the others", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "held@x.test" }, at(T1));
    const first = await store(deps(), ws.id, created);
    const second = await store(
      deps(),
      ws.id,
      buildWebhookEnvelope("invitee.canceled", { uri: created.payload.uri, email: "held@x.test" }, at(T2)),
    );
    const other = await store(deps(), ws.id, buildWebhookEnvelope("invitee.created", { email: "free@x.test" }));
    const worker = await h.pool.pool.connect();
    try {
      await worker.query("BEGIN");
      await worker.query(`SELECT id FROM "WebhookEvent" WHERE id = $1 FOR UPDATE`, [first.eventId]);
      expect(await drainInbox(deps())).toMatchObject({ claimed: 1, processed: 1 });
      expect((await row(other.eventId)).status).toBe("PROCESSED");
      expect((await row(second.eventId)).status).toBe("RECEIVED");
    } finally {
      await worker.query("ROLLBACK");
      worker.release();
    }
    expect(await drainInbox(deps())).toMatchObject({ claimed: 2, processed: 2 });
    // In order: booked, then canceled (had the cancel gone first, the booking would be "stale").
    expect([(await row(first.eventId)).outcome, (await row(second.eventId)).outcome]).toEqual(["booked", "canceled"]);
  });

  it("several deliveries of one invitee go in one batch, in order, when none is held elsewhere", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const created = buildWebhookEnvelope("invitee.created", { email: "history@x.test" }, at(T1));
    const ids = [
      await store(deps(), ws.id, created),
      await store(
        deps(),
        ws.id,
        buildWebhookEnvelope("invitee_no_show.created", { uri: created.payload.uri, email: "history@x.test" }, at(T2)),
      ),
    ].map((s) => s.eventId);
    expect(await mapNextBatch(deps())).toMatchObject({ claimed: 2, processed: 2 });
    expect((await Promise.all(ids.map(row))).map((r) => r.outcome)).toEqual(["booked", "no_show"]);
  });
});

describe("failures", () => {
  it("one bad delivery does not fail the others of its batch; it is retried with back-off, then stays FAILED", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    await withLeadTrigger(async () => {
      const poison = buildWebhookEnvelope("invitee.created", { email: "poison@x.test" }, at(T1));
      const stored = [
        await store(deps(), ws.id, buildWebhookEnvelope("invitee.created", { email: "fine1@x.test" })),
        await store(deps(), ws.id, poison),
        await store(deps(), ws.id, buildWebhookEnvelope("invitee.created", { email: "fine2@x.test" })),
      ];
      // A later delivery of the poisoned invitee waits while the first is being retried.
      const later = await store(
        deps(),
        ws.id,
        buildWebhookEnvelope("invitee.canceled", { uri: poison.payload.uri, email: "poison@x.test" }, at(T2)),
      );
      // The later delivery of the poisoned invitee is deferred: it stays as it was, behind the retry.
      expect(await mapNextBatch(deps())).toEqual({
        claimed: 4,
        processed: 2,
        ignored: 0,
        retrying: 1,
        failed: 0,
        deferred: 1,
      });
      const bad = await row(stored[1]!.eventId);
      expect(bad).toMatchObject({
        status: "RECEIVED",
        outcome: "retrying",
        attempts: 1,
        error: expect.stringMatching(/lead rejected by test trigger/),
        nextAttemptAt: new Date(tick + retryDelayMs(1)),
      });
      expect(await row(later.eventId)).toMatchObject({ status: "RECEIVED", attempts: 0 });
      // Not before its time.
      expect(await drainInbox(deps())).toMatchObject({ claimed: 0 });
      for (let attempt = 2; attempt <= MAPPING_ATTEMPTS; attempt++) {
        tick += retryDelayMs(attempt - 1);
        await drainInbox(deps());
        expect((await row(stored[1]!.eventId)).attempts).toBe(attempt);
        if (attempt < MAPPING_ATTEMPTS) expect((await row(later.eventId)).attempts).toBe(0);
      }
      expect(await row(stored[1]!.eventId)).toMatchObject({
        status: "FAILED",
        outcome: "mapping_failed",
        attempts: MAPPING_ATTEMPTS,
        nextAttemptAt: null,
        error: expect.stringMatching(/lead rejected by test trigger/),
      });
      // Its last failure releases the later delivery of the invitee (which fails on its own, too).
      expect(await row(later.eventId)).toMatchObject({ status: "RECEIVED", outcome: "retrying", attempts: 1 });
      expect(retryDelayMs(1)).toBe(5_000);
      expect(retryDelayMs(4)).toBe(40_000);
    });
    const emails = await h.t.db.lead.findMany({ where: { clientId: ws.id }, select: { email: true } });
    expect(emails.map((l) => l.email).sort()).toEqual(["fine1@x.test", "fine2@x.test"]);
  });

  it("a stored body that no longer parses is FAILED at once (retrying cannot fix it); an unknown event is IGNORED", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const broken = await h.t.db.webhookEvent.create({
      data: {
        clientId: ws.id,
        eventName: "invitee.created",
        idempotencyKey: "old-format",
        rawBody: JSON.stringify({ event: "invitee.created", created_at: T1, payload: { uri: "x" } }),
      },
    });
    const unknown = await store(deps(), ws.id, {
      event: "routing_form_submission.created",
      created_at: T1,
      payload: { uri: "https://api.calendly.com/routing_form_submissions/1" },
    });
    await drainInbox(deps());
    expect(await row(broken.id)).toMatchObject({
      status: "FAILED",
      outcome: "invalid_payload",
      attempts: 1,
      error: expect.stringMatching(/payload\.email/),
    });
    expect(await row(unknown.eventId)).toMatchObject({ status: "IGNORED", outcome: "unhandled_event", attempts: 1 });
  });
});

describe("bodies PostgreSQL's json and jsonb refuse", () => {
  it("a lone surrogate or an escaped NUL in any string is stored exactly and mapped clean", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const body = buildWebhookEnvelope("invitee.created", {
      email: "odd\u0000name@x.test",
      name: "Zoë \ud800 Nul\u0000",
      timezone: "Europe/\udfffParis",
      questions_and_answers: [{ question: "Why\u0000?", answer: "\ud83d", position: 0 }],
      tracking: { utm_source: "\u0000", utm_campaign: "a\ud800b" },
      scheduled_event: { name: "Call \ud800", location: { type: "zoom", join_url: "https://z.example/\u0000" } },
    });
    const raw = JSON.stringify(body);
    expect(raw).toContain("\\ud800");
    expect(raw).toContain("\\u0000");
    const stored = await store(deps(), ws.id, raw);
    expect((await row(stored.eventId)).rawBody).toBe(raw);
    await drainInbox(deps());
    const r = await row(stored.eventId);
    expect(r).toMatchObject({ status: "PROCESSED", outcome: "booked" });
    expect(await h.t.db.lead.findUniqueOrThrow({ where: { id: r.leadId! } })).toMatchObject({
      email: "oddname@x.test",
      name: "Zoë \ufffd Nul",
      appointmentTimezone: "Europe/\ufffdParis",
      appointmentAnswers: [{ question: "Why?", answer: "\ufffd", position: 0 }],
      utmSource: null,
      utmCampaign: "a\ufffdb",
      appointmentEventName: "Call \ufffd",
      appointmentJoinUrl: "https://z.example/",
    });
  });
});
