// The worker's subscription health check against a real PostgreSQL and the fake Calendly: repair
// of a disabled or vanished hook, reconciliation of the gap, reconnect-needed, failures.
import { secretContext } from "@booking/db";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { gapStart } from "./gap.ts";
import { runCalendlyHealthCheck } from "./health-check.ts";
import { adminWorkspace, serviceDeps } from "./test-helpers.ts";

const LINK = "https://calendly.com/acme/intro-call";
const EVENT_TYPE = "https://api.calendly.com/event_types/0f6c1a52-hc01";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

const worker = () => serviceDeps(h, { actor: "worker" });
const row = (id: string) => h.db.client.findUniqueOrThrow({ where: { id } });
const kinds = async (id: string) =>
  (await h.db.integrationEvent.findMany({ where: { clientId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map(
    (e) => e.kind,
  );

/** A workspace booking through Calendly with a personal access token and an active subscription. */
async function subscribedWorkspace() {
  const ws = await adminWorkspace(h);
  const caller = h.user(ws.admin);
  const token = `pat_health_${Math.random().toString(36).slice(2)}_000000`;
  const account = h.fake.addAccount({ token, user: { name: "Hal Host" } });
  await caller.integrations.calendly.update({ workspaceId: ws.id, token });
  await caller.integrations.calendly.update({
    workspaceId: ws.id,
    provider: "CALENDLY",
    eventTypeLink: LINK,
    eventTypeUri: `${EVENT_TYPE}${Math.random().toString(36).slice(2, 6)}`,
  });
  const sub = await caller.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
  const settings = await h.db.workspaceSettings.findUniqueOrThrow({ where: { clientId: ws.id } });
  h.fake.reset();
  return { ...ws, token, account, subscriptionUri: sub.uri!, eventTypeUri: settings.calendlyEventTypeUri! };
}

describe("runCalendlyHealthCheck", () => {
  it("repairs a disabled hook (new one created, old deleted, key stored) and reconciles the gap", async () => {
    const ws = await subscribedWorkspace();
    const retrying = new Date(Date.now() - 3 * 60 * 60_000);
    h.fake.disableSubscription(ws.subscriptionUri, retrying);
    // A booking made while the hook was failing, which Calendly never delivered.
    const booked = h.fake.addScheduledEvent({
      user: ws.account.userUri,
      start_time: new Date(Date.now() + 2 * 24 * 60 * 60_000),
      event_type: ws.eventTypeUri,
      invitees: [{ email: "missed@lead.test", name: "Missed Lead" }],
    });

    const result = await runCalendlyHealthCheck(worker(), ws.id);

    expect(result).toMatchObject({
      status: "repaired",
      reconciled: { since: retrying, recovered: 1, alreadySeen: 0, failed: 0 },
    });
    expect(h.fake.subscriptions).toHaveLength(1);
    const live = h.fake.subscriptions[0]!;
    expect(live.uri).not.toBe(ws.subscriptionUri);
    expect(live.state).toBe("active");
    const stored = await row(ws.id);
    expect(stored).toMatchObject({
      calendlyWebhookSubscriptionUri: live.uri,
      calendlyWebhookState: "active",
      calendlyReconcileFrom: null,
    });
    expect(h.secrets.decrypt(stored.calendlyWebhookSigningKeyEnc!, secretContext.calendlySigningKey(ws.id))).toBe(
      live.signing_key,
    );
    // Calendly allows one hook per URL: the disabled one in the way went first, then the new one.
    const writes = h.fake.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual([
      "POST /webhook_subscriptions",
      `DELETE /webhook_subscriptions/${ws.subscriptionUri.split("/").at(-1)}`,
      "POST /webhook_subscriptions",
    ]);

    const inbox = await h.db.webhookEvent.findMany({ where: { clientId: ws.id } });
    expect(inbox).toEqual([
      expect.objectContaining({
        source: "RECONCILIATION",
        eventName: "invitee.created",
        inviteeUri: booked.invitees[0],
      }),
    ]);
    const events = await h.db.integrationEvent.findMany({
      where: { clientId: ws.id, actor: "worker" },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "SUBSCRIPTION_REPAIRED",
        message: expect.stringMatching(/Calendly had disabled the old one \(deliveries failing since/),
      }),
      expect.objectContaining({
        kind: "RECONCILED",
        recovered: 1,
        message: expect.stringMatching(/1 scheduled event checked, 0 already received/),
      }),
    ]);

    // The next run finds a healthy hook and does nothing more.
    h.fake.reset();
    expect(await runCalendlyHealthCheck(worker(), ws.id)).toEqual({ status: "healthy", reconciled: null });
    expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /webhook_subscriptions/${live.uri.split("/").at(-1)}`,
    ]);
  });

  it("recreates a hook that vanished at Calendly (404)", async () => {
    const ws = await subscribedWorkspace();
    h.fake.subscriptions.splice(0, 1);
    const result = await runCalendlyHealthCheck(worker(), ws.id);
    expect(result).toMatchObject({ status: "repaired", reconciled: { recovered: 0 } });
    expect(h.fake.subscriptions).toHaveLength(1);
    expect((await row(ws.id)).calendlyWebhookSubscriptionUri).toBe(h.fake.subscriptions[0]!.uri);
    expect(await kinds(ws.id)).toEqual(expect.arrayContaining(["SUBSCRIPTION_REPAIRED", "RECONCILED"]));
  });

  it("recreates a hook that a person's Check status found gone, and reconciles since the last delivery", async () => {
    const ws = await subscribedWorkspace();
    const lastDelivery = new Date(Date.now() - 2 * 60 * 60_000);
    await h.db.client.update({ where: { id: ws.id }, data: { calendlyLastWebhookAt: lastDelivery } });
    h.fake.subscriptions.splice(0, 1);
    const health = await h.user(ws.admin).integrations.calendly.health({ workspaceId: ws.id });
    expect(health).toMatchObject({ uri: null, state: "missing" });
    expect((await row(ws.id)).calendlyReconcileFrom).toEqual(lastDelivery);

    const result = await runCalendlyHealthCheck(worker(), ws.id);
    expect(result).toMatchObject({ status: "repaired", reconciled: { since: lastDelivery } });
    expect(h.fake.subscriptions).toHaveLength(1);
    expect((await row(ws.id)).calendlyReconcileFrom).toBeNull();
  });

  it("reconciles a gap left by an earlier run that could not finish", async () => {
    const ws = await subscribedWorkspace();
    const from = new Date(Date.now() - 60 * 60_000);
    await h.db.client.update({ where: { id: ws.id }, data: { calendlyReconcileFrom: from } });
    const result = await runCalendlyHealthCheck(worker(), ws.id);
    expect(result).toMatchObject({ status: "healthy", reconciled: { since: from, recovered: 0 } });
    expect((await row(ws.id)).calendlyReconcileFrom).toBeNull();
  });

  it("a token Calendly refuses (401) marks RECONNECT_NEEDED, and the next run makes no Calendly call", async () => {
    const ws = await subscribedWorkspace();
    h.fake.revokeToken(ws.token);
    expect(await runCalendlyHealthCheck(worker(), ws.id)).toEqual({ status: "reconnect_needed" });
    expect((await row(ws.id)).calendlyConnectionStatus).toBe("RECONNECT_NEEDED");
    expect((await kinds(ws.id)).filter((k) => k === "RECONNECT_NEEDED")).toHaveLength(1);

    h.fake.reset();
    expect(await runCalendlyHealthCheck(worker(), ws.id)).toEqual({ status: "reconnect_needed" });
    expect(h.fake.requests).toHaveLength(0);
  });

  it("records a failing check once while the same failure repeats", async () => {
    const ws = await subscribedWorkspace();
    for (let i = 0; i < 3; i++) {
      h.fake.failNext(10, { status: 503 });
      const result = await runCalendlyHealthCheck(worker(), ws.id);
      expect(result).toMatchObject({ status: "failed", error: expect.stringMatching(/Calendly unavailable/) });
    }
    expect((await kinds(ws.id)).filter((k) => k === "HEALTH_CHECK_FAILED")).toHaveLength(1);
    expect((await row(ws.id)).calendlyConnectionStatus).toBe("CONNECTED");
  });

  it("leaves alone a workspace with Calendly off, or without a subscription", async () => {
    const off = await adminWorkspace(h);
    expect(await runCalendlyHealthCheck(worker(), off.id)).toMatchObject({ status: "skipped" });
    const ws = await subscribedWorkspace();
    await h.user(ws.admin).integrations.calendly.removeSubscription({ workspaceId: ws.id });
    h.fake.reset();
    expect(await runCalendlyHealthCheck(worker(), ws.id)).toEqual({ status: "healthy", reconciled: null });
    expect(h.fake.subscriptions).toHaveLength(0);
    expect(h.fake.requests.filter((r) => r.method !== "GET")).toHaveLength(0);
  });
});

describe("gapStart", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const at = (iso: string) => new Date(iso);
  it("is the earlier of retry_started_at and the last delivery", () => {
    expect(
      gapStart({
        retryStartedAt: at("2026-05-01T08:00:00Z"),
        lastDelivery: at("2026-04-30T20:00:00Z"),
        createdAt: at("2026-01-01T00:00:00Z"),
        lastCheck: null,
        now,
      }),
    ).toEqual(at("2026-04-30T20:00:00Z"));
    expect(
      gapStart({
        retryStartedAt: at("2026-05-01T08:00:00Z"),
        lastDelivery: null,
        createdAt: null,
        lastCheck: null,
        now,
      }),
    ).toEqual(at("2026-05-01T08:00:00Z"));
  });
  it("falls back to the hook's creation, our last check, then a day back", () => {
    const base = { retryStartedAt: null, lastDelivery: null, now };
    expect(gapStart({ ...base, createdAt: at("2026-04-01T00:00:00Z"), lastCheck: at("2026-05-01T11:00:00Z") })).toEqual(
      at("2026-04-01T00:00:00Z"),
    );
    expect(gapStart({ ...base, createdAt: null, lastCheck: at("2026-05-01T11:00:00Z") })).toEqual(
      at("2026-05-01T11:00:00Z"),
    );
    expect(gapStart({ ...base, createdAt: null, lastCheck: null })).toEqual(at("2026-04-30T12:00:00Z"));
  });
});
