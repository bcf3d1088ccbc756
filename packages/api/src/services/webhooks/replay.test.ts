import { createCalendlyClientFactory } from "@booking/calendly";
import { buildInviteePayload, buildWebhookEnvelope } from "@booking/calendly/testing";
import type { SecretBox } from "@booking/db";
import { createTestDatabase, type TestDatabase } from "@booking/db/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { listWebhookEvents } from "./list.ts";
import { reconcileCalendlyWorkspace } from "./reconcile.ts";
import { replayWebhookEvents } from "./replay.ts";
import { createWorkspace, deliver, testSecrets } from "./test-helpers.ts";

let t: TestDatabase;
let secrets: SecretBox;
const API = "https://api.calendly.com";
const server = setupServer();
beforeAll(async () => {
  t = await createTestDatabase();
  secrets = testSecrets();
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await t?.drop();
});
const deps = () => ({ db: t.db, secrets });

describe("mapping failure and replay", () => {
  it("keeps a delivery whose mapping fails as FAILED with the error, and replays it", async () => {
    const ws = await createWorkspace(t.db, secrets);
    // A real database failure during mapping: a trigger that rejects this lead.
    await t.db.$executeRawUnsafe(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.email LIKE 'boom%' THEN RAISE EXCEPTION 'lead rejected by test trigger'; END IF; RETURN NEW; END $$`);
    await t.db.$executeRawUnsafe(`CREATE TRIGGER boom BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION boom()`);
    const body = buildWebhookEnvelope("invitee.created", { email: "boom@x.test" });
    const r = await deliver(deps(), ws.id, body);
    expect(r).toMatchObject({ duplicate: false, status: "FAILED", outcome: "mapping_failed" });
    expect(r.error).toMatch(/lead rejected by test trigger/);
    const stored = await t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.eventId } });
    expect(stored).toMatchObject({ status: "FAILED", rawBody: JSON.stringify(body), attempts: 1 });
    expect(await t.db.lead.count({ where: { clientId: ws.id } })).toBe(0);

    // A redelivery is a duplicate, not a second attempt.
    expect((await deliver(deps(), ws.id, body)).duplicate).toBe(true);

    // Still broken: replay records the second failed attempt.
    const again = await replayWebhookEvents(deps(), { workspaceId: ws.id });
    expect(again.results).toEqual([expect.objectContaining({ id: r.eventId, status: "FAILED" })]);

    await t.db.$executeRawUnsafe(`DROP TRIGGER boom ON "Lead"`);
    const fixed = await replayWebhookEvents(deps(), { workspaceId: ws.id, status: "FAILED" });
    expect(fixed.results).toEqual([{ id: r.eventId, status: "PROCESSED", outcome: "booked", error: null }]);
    const after = await t.db.webhookEvent.findUniqueOrThrow({ where: { id: r.eventId } });
    expect(after).toMatchObject({ status: "PROCESSED", attempts: 3, error: null, deliveryCount: 2 });
    expect(await t.db.lead.findFirstOrThrow({ where: { clientId: ws.id } })).toMatchObject({
      email: "boom@x.test",
      appointmentStatus: "BOOKED",
    });

    // Chosen ids replay whatever their status, with one effect.
    const chosen = await replayWebhookEvents(deps(), { ids: [r.eventId] });
    expect(chosen.results[0]).toMatchObject({ status: "PROCESSED" });
    expect(await t.db.lead.count({ where: { clientId: ws.id } })).toBe(1);
    await expect(replayWebhookEvents(deps(), { ids: ["nope"] })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const list = await listWebhookEvents(deps(), { workspaceId: ws.id });
    expect(list.items).toEqual([
      expect.objectContaining({
        id: r.eventId,
        eventName: "invitee.created",
        inviteeEmail: "boom@x.test",
        deliveryCount: 2,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain("rawBody");
  });

  it("pages the inbox newest first", async () => {
    const ws = await createWorkspace(t.db, secrets);
    let tick = Date.parse("2026-01-01T00:00:00Z");
    const clock = () => {
      tick += 1000;
      return new Date(tick);
    };
    for (let i = 0; i < 5; i++)
      await deliver({ ...deps(), clock }, ws.id, buildWebhookEnvelope("invitee.created", { email: `p${i}@x.test` }));
    const p1 = await listWebhookEvents(deps(), { workspaceId: ws.id, limit: 3 });
    const p2 = await listWebhookEvents(deps(), { workspaceId: ws.id, limit: 3, cursor: p1.nextCursor! });
    expect(p1.items.map((i) => i.inviteeEmail)).toEqual(["p4@x.test", "p3@x.test", "p2@x.test"]);
    expect(p2.items.map((i) => i.inviteeEmail)).toEqual(["p1@x.test", "p0@x.test"]);
    expect(p2.nextCursor).toBeNull();
  });
});

describe("reconciliation (Calendly via msw)", () => {
  it("imports invitee events the inbox has not seen, and skips those it has", async () => {
    const ws = await createWorkspace(t.db, secrets, { token: "pat-123" });
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
    await deliver(deps(), ws.id, {
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
    const summary = await reconcileCalendlyWorkspace({ ...deps(), calendlyFor }, { workspaceId: ws.id, since });
    expect(summary).toEqual({ scannedEvents: 2, scannedInvitees: 2, imported: 2, alreadySeen: 1, failed: 0 });
    expect(requests[0]).toContain("user=");
    expect(requests[0]).toContain("min_start_time=2026-05-01");
    const lead = await t.db.lead.findFirstOrThrow({ where: { clientId: ws.id, email: "missed@x.test" } });
    expect(lead).toMatchObject({
      appointmentStatus: "CANCELED",
      appointmentCancelReason: "No longer needed",
      source: "CALENDLY",
    });
    const sources = await t.db.webhookEvent.groupBy({ by: ["source"], where: { clientId: ws.id }, _count: true });
    expect(Object.fromEntries(sources.map((s) => [s.source, s._count]))).toEqual({ WEBHOOK: 1, RECONCILIATION: 2 });

    // Running it again imports nothing.
    const again = await reconcileCalendlyWorkspace({ ...deps(), calendlyFor }, { workspaceId: ws.id, since });
    expect(again).toEqual({ scannedEvents: 2, scannedInvitees: 2, imported: 0, alreadySeen: 3, failed: 0 });
  });

  it("needs a token, and turns Calendly failures into domain errors", async () => {
    const noToken = await createWorkspace(t.db, secrets);
    const calendlyFor = createCalendlyClientFactory({ sleep: async () => {}, maxRetries: 0 });
    await expect(
      reconcileCalendlyWorkspace({ ...deps(), calendlyFor }, { workspaceId: noToken.id, since: new Date() }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(
      reconcileCalendlyWorkspace({ ...deps(), calendlyFor }, { workspaceId: "missing", since: new Date() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ws = await createWorkspace(t.db, secrets, { token: "revoked" });
    server.use(
      http.get(`${API}/scheduled_events`, () =>
        HttpResponse.json({ title: "Unauthenticated", message: "The access token is invalid" }, { status: 401 }),
      ),
    );
    await expect(
      reconcileCalendlyWorkspace({ ...deps(), calendlyFor }, { workspaceId: ws.id, since: new Date() }),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });
});
