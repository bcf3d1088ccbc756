import { createCalendlyClientFactory } from "@booking/calendly";
import { buildInviteePayload, buildWebhookEnvelope } from "@booking/calendly/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { prismaRunner } from "../../lib/sql.ts";
import { listWebhookEvents } from "./list.ts";
import { drainInbox } from "./map-inbox.ts";
import { reconcileCalendlyWorkspace } from "./reconcile.ts";
import { replayWebhookEvents } from "./replay.ts";
import { MAPPING_ATTEMPTS, retryDelayMs } from "./retry.ts";
import { createWorkspace, deliver, store, webhookTestDatabase } from "./test-helpers.ts";

const h = webhookTestDatabase();
const API = "https://api.calendly.com";
const server = setupServer();
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
});
let tick = Date.parse("2026-05-20T10:00:00.000Z");
const clock = () => new Date(tick);
/** The worker's path (pg pool) and the tRPC procedures' path (Prisma): the same statements. */
const worker = () => ({ sql: h.pool.sql, clock });
const trpc = () => ({ sql: prismaRunner(h.t.db), clock });
const row = (id: string) => h.t.db.webhookEvent.findUniqueOrThrow({ where: { id } });

describe("mapping failure and replay", () => {
  it("keeps a delivery whose mapping keeps failing as FAILED with the error, and replays it", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    // A real database failure during mapping: a trigger that rejects this lead.
    await h.t.db.$executeRawUnsafe(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.email LIKE 'boom%' THEN RAISE EXCEPTION 'lead rejected by test trigger'; END IF; RETURN NEW; END $$`);
    await h.t.db.$executeRawUnsafe(`CREATE TRIGGER boom BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION boom()`);
    const body = buildWebhookEnvelope("invitee.created", { email: "boom@x.test" });
    const r = await store(worker(), ws.id, body);
    for (let attempt = 1; attempt <= MAPPING_ATTEMPTS; attempt++) {
      await drainInbox(worker());
      tick += retryDelayMs(attempt);
    }
    const stored = await row(r.eventId);
    expect(stored).toMatchObject({
      status: "FAILED",
      outcome: "mapping_failed",
      rawBody: JSON.stringify(body),
      attempts: MAPPING_ATTEMPTS,
      error: expect.stringMatching(/lead rejected by test trigger/),
    });
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(0);

    // A redelivery is a duplicate, not another attempt.
    expect((await store(worker(), ws.id, body)).duplicate).toBe(true);

    // Still broken: replay (the tRPC path) records one more failed attempt, at once.
    const again = await replayWebhookEvents(trpc(), { workspaceId: ws.id });
    expect(again.results).toEqual([expect.objectContaining({ id: r.eventId, status: "FAILED" })]);
    expect((await row(r.eventId)).attempts).toBe(MAPPING_ATTEMPTS + 1);

    await h.t.db.$executeRawUnsafe(`DROP TRIGGER boom ON "Lead"`);
    const fixed = await replayWebhookEvents(worker(), { workspaceId: ws.id, status: "FAILED" });
    expect(fixed.results).toEqual([{ id: r.eventId, status: "PROCESSED", outcome: "booked", error: null }]);
    const after = await row(r.eventId);
    expect(after).toMatchObject({ status: "PROCESSED", attempts: MAPPING_ATTEMPTS + 2, error: null, deliveryCount: 2 });
    const lead = await h.t.db.lead.findFirstOrThrow({ where: { clientId: ws.id } });
    expect(lead).toMatchObject({ email: "boom@x.test", appointmentStatus: "BOOKED" });
    expect(after.leadId).toBe(lead.id);

    // A chosen delivery already mapped is reported as it is: no second effect, its timeline entry kept.
    const chosen = await replayWebhookEvents(trpc(), { ids: [r.eventId] });
    expect(chosen.results).toEqual([{ id: r.eventId, status: "PROCESSED", outcome: "booked", error: null }]);
    expect(await row(r.eventId)).toMatchObject({ attempts: MAPPING_ATTEMPTS + 2, changes: after.changes });
    expect(await h.t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
    await expect(replayWebhookEvents(trpc(), { ids: ["nope"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await createWorkspace(h.t.db, h.secrets, { name: "Other" });
    await expect(replayWebhookEvents(trpc(), { workspaceId: other.id, ids: [r.eventId] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const list = await listWebhookEvents(trpc(), { workspaceId: ws.id });
    expect(list.items).toEqual([
      expect.objectContaining({
        id: r.eventId,
        eventName: "invitee.created",
        inviteeEmail: "boom@x.test",
        deliveryCount: 2,
        leadId: lead.id,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain("rawBody");
  });

  it("replays a delivery still waiting for its retry, now", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    const r = await store(worker(), ws.id, buildWebhookEnvelope("invitee.created", { email: "pending@x.test" }));
    const replayed = await replayWebhookEvents(trpc(), { workspaceId: ws.id, status: "RECEIVED" });
    expect(replayed.results).toEqual([{ id: r.eventId, status: "PROCESSED", outcome: "booked", error: null }]);
    expect(await drainInbox(worker())).toMatchObject({ claimed: 0 });
  });
});

describe("the Inbox page", () => {
  it("pages newest first by an opaque keyset cursor, with and without a status filter", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets);
    let at = Date.parse("2026-01-01T00:00:00Z");
    const stepClock = () => {
      at += 1000;
      return new Date(at);
    };
    for (let i = 0; i < 5; i++)
      await store(
        { sql: h.pool.sql, clock: stepClock },
        ws.id,
        buildWebhookEnvelope("invitee.created", { email: `p${i}@x.test` }),
      );
    // Two rows in the same millisecond: the id breaks the tie.
    at -= 1000;
    await store(
      { sql: h.pool.sql, clock: stepClock },
      ws.id,
      buildWebhookEnvelope("invitee.created", { email: "p5@x.test" }),
    );
    const emails = async (page: { items: Array<{ inviteeEmail: string | null }> }) =>
      page.items.map((i) => i.inviteeEmail);
    const p1 = await listWebhookEvents(trpc(), { workspaceId: ws.id, limit: 3 });
    const p2 = await listWebhookEvents(trpc(), { workspaceId: ws.id, limit: 3, cursor: p1.nextCursor });
    expect([...(await emails(p1)), ...(await emails(p2))].sort()).toEqual(
      ["p0", "p1", "p2", "p3", "p4", "p5"].map((p) => `${p}@x.test`),
    );
    expect(await emails(p1)).toEqual(expect.arrayContaining(["p4@x.test", "p5@x.test"]));
    expect((await emails(p2)).slice(-2)).toEqual(["p1@x.test", "p0@x.test"]);
    expect(p2.nextCursor).toBeNull();
    expect(p1.nextCursor).not.toMatch(/20\d\d-/); // opaque
    const received = await listWebhookEvents(worker(), { workspaceId: ws.id, status: "RECEIVED", limit: 4 });
    expect(received.items).toHaveLength(4);
    expect((await listWebhookEvents(worker(), { workspaceId: ws.id, status: "FAILED" })).items).toEqual([]);
    await expect(listWebhookEvents(trpc(), { workspaceId: ws.id, cursor: "garbage" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { cursor: ["Invalid cursor"] },
    });
  });
});

describe("reconciliation (Calendly via msw)", () => {
  it("imports invitee events the inbox has not seen, and skips those it has", async () => {
    const ws = await createWorkspace(h.t.db, h.secrets, { token: "pat-123" });
    const seenEvent = `${API}/scheduled_events/aaaaaaaa-0000-4000-8000-000000000001`;
    const missedEvent = `${API}/scheduled_events/aaaaaaaa-0000-4000-8000-000000000002`;
    const seen = buildInviteePayload({ email: "seen@x.test", scheduled_event: { uri: seenEvent } });
    const missed = buildInviteePayload({
      email: "missed@x.test",
      status: "canceled",
      scheduled_event: { uri: missedEvent },
      created_at: "2026-05-12T10:00:00.000000Z",
      updated_at: "2026-05-12T11:00:00.000000Z",
      cancellation: {
        canceled_by: "Missed",
        reason: "No longer needed",
        canceler_type: "invitee",
        created_at: "2026-05-12T11:00:00.000000Z",
      },
    });
    await deliver(worker(), h.t.db, ws.id, {
      event: "invitee.created",
      created_at: seen.created_at,
      created_by: "u",
      payload: seen,
    });

    const { scheduled_event: seenSe, ...seenInvitee } = seen;
    const { scheduled_event: missedSe, ...missedInvitee } = missed;
    const requests: string[] = [];
    server.use(
      http.get(`${API}/scheduled_events`, ({ request }) => {
        const url = new URL(request.url);
        requests.push(`${url.pathname}?${url.searchParams.toString()}`);
        expect(request.headers.get("authorization")).toBe("Bearer pat-123");
        if (!url.searchParams.get("page_token")) {
          return HttpResponse.json({
            collection: [seenSe],
            pagination: { count: 1, next_page: `${API}/scheduled_events?page_token=p2`, next_page_token: "p2" },
          });
        }
        return HttpResponse.json({
          collection: [missedSe],
          pagination: { count: 1, next_page: null, next_page_token: null },
        });
      }),
      http.get(`${API}/scheduled_events/:id/invitees`, ({ params }) =>
        HttpResponse.json({
          collection: [String(params.id).endsWith("1") ? seenInvitee : missedInvitee],
          pagination: { count: 1, next_page: null, next_page_token: null },
        }),
      ),
    );
    const calendlyFor = createCalendlyClientFactory({ sleep: async () => {} });
    const since = new Date("2026-05-01T00:00:00Z");
    const summary = await reconcileCalendlyWorkspace(
      { db: h.t.db, secrets: h.secrets, calendlyFor },
      { workspaceId: ws.id, since },
    );
    expect(summary).toEqual({ scannedEvents: 2, scannedInvitees: 2, imported: 2, alreadySeen: 1, failed: 0 });
    // Stored for the worker, which maps them like any delivery.
    expect(await drainInbox(worker())).toMatchObject({ claimed: 2, processed: 2 });
    expect(requests[0]).toContain("user=");
    expect(requests[0]).toContain("min_start_time=2026-05-01");
    const lead = await h.t.db.lead.findFirstOrThrow({ where: { clientId: ws.id, email: "missed@x.test" } });
    expect(lead).toMatchObject({
      appointmentStatus: "CANCELED",
      appointmentCancelReason: "No longer needed",
      source: "CALENDLY",
    });
    const sources = await h.t.db.webhookEvent.groupBy({ by: ["source"], where: { clientId: ws.id }, _count: true });
    expect(Object.fromEntries(sources.map((s) => [s.source, s._count]))).toEqual({ WEBHOOK: 1, RECONCILIATION: 2 });

    // Running it again imports nothing.
    const again = await reconcileCalendlyWorkspace(
      { db: h.t.db, secrets: h.secrets, calendlyFor },
      { workspaceId: ws.id, since },
    );
    expect(again).toEqual({ scannedEvents: 2, scannedInvitees: 2, imported: 0, alreadySeen: 3, failed: 0 });
  });

  it("needs a token, and turns Calendly failures into domain errors", async () => {
    const noToken = await createWorkspace(h.t.db, h.secrets);
    const calendlyFor = createCalendlyClientFactory({ sleep: async () => {}, maxRetries: 0 });
    await expect(
      reconcileCalendlyWorkspace(
        { db: h.t.db, secrets: h.secrets, calendlyFor },
        { workspaceId: noToken.id, since: new Date() },
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(
      reconcileCalendlyWorkspace(
        { db: h.t.db, secrets: h.secrets, calendlyFor },
        { workspaceId: "missing", since: new Date() },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ws = await createWorkspace(h.t.db, h.secrets, { token: "revoked" });
    server.use(
      http.get(`${API}/scheduled_events`, () =>
        HttpResponse.json({ title: "Unauthenticated", message: "The access token is invalid" }, { status: 401 }),
      ),
    );
    await expect(
      reconcileCalendlyWorkspace(
        { db: h.t.db, secrets: h.secrets, calendlyFor },
        { workspaceId: ws.id, since: new Date() },
      ),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });
});
