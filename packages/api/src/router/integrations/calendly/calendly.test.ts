import { CALENDLY_INVITEE_EVENTS } from "@booking/calendly";
import { secretContext } from "@booking/db";
import {
  createHarness,
  expectTRPCError,
  type Harness,
  PUBLIC_WEBHOOK_BASE_URL,
  seedWorkspace,
} from "../../../testing/harness.ts";
import { fieldErrorsOf } from "../../../trpc.ts";

const TOKEN = "pat_valid_token_0123456789abcd";
const LINK = "https://calendly.com/acme/intro-call";
const URI = "https://api.calendly.com/event_types/0f6c1a52-aaaa";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.reset());

async function workspace() {
  const admin = `admin-${Math.random().toString(36).slice(2, 8)}@ws.test`;
  const setter = `setter-${Math.random().toString(36).slice(2, 8)}@ws.test`;
  const id = await seedWorkspace(h.db, {
    members: [
      [admin, "ADMIN"],
      [setter, "SETTER"],
    ],
  });
  return { id, admin: h.user(admin), setter: h.user(setter) };
}

/** A workspace with a verified token stored (fake account added). */
async function connectedWorkspace(
  opts: { plan?: "free" | "paid"; scopes?: string[]; webhooksRequirePaidPlan?: boolean } = {},
) {
  const ws = await workspace();
  const token = `${TOKEN}-${ws.id}`;
  const account = h.fake.addAccount({ token, user: { name: "Rae Rep", email: "rae@acme.test" }, ...opts });
  await ws.admin.integrations.calendly.update({ workspaceId: ws.id, token });
  return { ...ws, token, account, webhookUrl: `${PUBLIC_WEBHOOK_BASE_URL}/webhooks/calendly/${ws.id}` };
}

describe("integrations.calendly.update", () => {
  it("verifies a new token with /users/me, stores it encrypted and never returns it", async () => {
    const ws = await workspace();
    const { userUri, organizationUri } = h.fake.addAccount({
      token: TOKEN,
      user: { name: "Rae Rep", email: "rae@acme.test" },
    });

    const view = await ws.admin.integrations.calendly.update({ workspaceId: ws.id, token: TOKEN });

    expect(view).toMatchObject({
      tokenConfigured: true,
      tokenLast4: "abcd",
      enabled: false,
      webhookUrl: `${PUBLIC_WEBHOOK_BASE_URL}/webhooks/calendly/${ws.id}`,
      connection: {
        status: "CONNECTED",
        userName: "Rae Rep",
        userEmail: "rae@acme.test",
        userUri,
        organizationUri,
        lastError: null,
      },
      subscription: { state: "missing", uri: null },
      canEdit: true,
    });
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    // The role decides whether an organization-scope subscription may be chosen.
    expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /users/me",
      "GET /organization_memberships",
    ]);
    expect(view).toMatchObject({ authMethod: "PERSONAL_TOKEN", connection: { role: "owner" } });
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyAccessTokenEnc).not.toContain(TOKEN);
    expect(h.secrets.decrypt(row.calendlyAccessTokenEnc!, secretContext.calendlyAccessToken(ws.id))).toBe(TOKEN);

    const read = await ws.setter.integrations.calendly.get({ workspaceId: ws.id });
    expect(read).toMatchObject({ tokenConfigured: true, tokenLast4: "abcd", canEdit: false });
    expect(JSON.stringify(read)).not.toContain(TOKEN);
  });

  it("refuses a revoked token with INVALID_CREDENTIALS on the token field and stores nothing", async () => {
    const ws = await workspace();
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.update({ workspaceId: ws.id, token: "pat_revoked_token_000000000000" }),
      "BAD_REQUEST",
    );
    expect(err.message).toMatch(/invalid token/i);
    expect((err.cause as { code: string }).code).toBe("INVALID_CREDENTIALS");
    expect(fieldErrorsOf(err.cause)?.token?.[0]).toMatch(/invalid token/i);
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyAccessTokenEnc).toBeNull();
  });

  it("refuses a token without the users:read scope with an actionable message", async () => {
    const ws = await workspace();
    h.fake.addAccount({ token: TOKEN, scopes: ["webhooks:write"] });
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.update({ workspaceId: ws.id, token: TOKEN }),
      "PRECONDITION_FAILED",
    );
    expect(err.message).toMatch(/users:read/);
    expect(fieldErrorsOf(err.cause)?.token).toBeDefined();
  });

  it("stores a token without calling Calendly when skipVerification is set, and records that", async () => {
    const ws = await workspace();
    const view = await ws.admin.integrations.calendly.update({
      workspaceId: ws.id,
      token: "pat_unchecked_token_00000wxyz",
      skipVerification: true,
    });
    expect(h.fake.requests).toHaveLength(0);
    expect(view).toMatchObject({
      tokenConfigured: true,
      tokenLast4: "wxyz",
      connection: { status: "UNKNOWN", lastError: expect.stringMatching(/without verification/) },
    });
  });

  it("validates links and URIs field by field", async () => {
    const ws = await workspace();
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.update({
        workspaceId: ws.id,
        eventTypeLink: "http://evil.test/acme/x",
        eventTypeUri: "https://api.calendly.com/users/123",
        token: "short",
      }),
      "BAD_REQUEST",
    );
    const fields = fieldErrorsOf(err.cause)!;
    expect(Object.keys(fields).sort()).toEqual(["eventTypeLink", "eventTypeUri", "token"]);
    expect(fields.eventTypeLink![0]).toMatch(/calendly\.com/);
  });

  it("requires a token and an event type to enable Calendly", async () => {
    const ws = await workspace();
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.update({ workspaceId: ws.id, enabled: true }),
      "PRECONDITION_FAILED",
    );
    expect(Object.keys(fieldErrorsOf(err.cause)!).sort()).toEqual(["eventTypeLink", "token"]);
    const err2 = await expectTRPCError(
      ws.admin.integrations.calendly.update({ workspaceId: ws.id, provider: "CALENDLY", eventTypeLink: LINK }),
      "PRECONDITION_FAILED",
    );
    expect(Object.keys(fieldErrorsOf(err2.cause)!)).toEqual(["token"]);
  });

  it("enables Calendly as the provider once token and event type are there", async () => {
    const ws = await connectedWorkspace();
    const view = await ws.admin.integrations.calendly.update({
      workspaceId: ws.id,
      provider: "CALENDLY",
      eventTypeLink: LINK,
      eventTypeUri: URI,
      eventTypeName: "Intro",
    });
    expect(view).toMatchObject({
      provider: "CALENDLY",
      enabled: true,
      eventTypeLink: LINK,
      eventTypeUri: URI,
      eventTypeName: "Intro",
    });
    // an event type belongs to one workspace
    const other = await connectedWorkspace();
    const err = await expectTRPCError(
      other.admin.integrations.calendly.update({ workspaceId: other.id, eventTypeUri: URI }),
      "CONFLICT",
    );
    expect(fieldErrorsOf(err.cause)).toHaveProperty("eventTypeUri");
  });

  it("removing the token disables Calendly, deletes the subscription at Calendly and clears the signing key", async () => {
    const ws = await connectedWorkspace();
    await ws.admin.integrations.calendly.update({ workspaceId: ws.id, enabled: true, eventTypeLink: LINK });
    await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(h.fake.subscriptions).toHaveLength(1);

    const view = await ws.admin.integrations.calendly.update({ workspaceId: ws.id, token: null });
    expect(view).toMatchObject({
      enabled: false,
      tokenConfigured: false,
      tokenLast4: null,
      connection: { status: "UNKNOWN", userUri: null },
      subscription: { state: "missing", uri: null },
    });
    expect(h.fake.subscriptions).toHaveLength(0);
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyWebhookSigningKeyEnc).toBeNull();
    expect(row.calendlyAccessTokenEnc).toBeNull();
  });

  it("replacing the token resets the connection to the new token's user", async () => {
    const ws = await connectedWorkspace();
    const next = h.fake.addAccount({ token: "pat_second_token_000000000zz9", user: { name: "Other Rep" } });
    const view = await ws.admin.integrations.calendly.update({
      workspaceId: ws.id,
      token: "pat_second_token_000000000zz9",
    });
    expect(view.connection).toMatchObject({ status: "CONNECTED", userName: "Other Rep", userUri: next.userUri });
    expect(view.tokenLast4).toBe("0zz9");
  });
});

describe("integrations.calendly.testConnection", () => {
  it("returns user, organization and every page of event types, and records CONNECTED", async () => {
    const ws = await connectedWorkspace();
    for (let i = 0; i < 205; i++)
      h.fake.addEventType(ws.account.userUri, { name: `Type ${String(i).padStart(3, "0")}`, slug: `type-${i}` });
    h.fake.reset();

    const result = await ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id });

    expect(result.user).toEqual({ uri: ws.account.userUri, name: "Rae Rep", email: "rae@acme.test" });
    expect(result.organizationUri).toBe(ws.account.organizationUri);
    expect(result.eventTypes).toHaveLength(205);
    expect(new Set(result.eventTypes.map((e) => e.uri)).size).toBe(205);
    expect(result.eventTypes[0]).toEqual({
      uri: expect.any(String),
      name: "Type 000",
      schedulingUrl: expect.stringMatching(/^https:\/\/calendly\.com\//),
      active: true,
      duration: 30,
    });
    expect(h.fake.requests.filter((r) => r.path === "/event_types").length).toBeGreaterThanOrEqual(3);
    const view = await ws.admin.integrations.calendly.get({ workspaceId: ws.id });
    expect(view.connection).toMatchObject({ status: "CONNECTED", lastError: null, checkedAt: expect.any(Date) });
  });

  it("records a revoked token as RECONNECT_NEEDED with the reason and answers invalid token", async () => {
    const ws = await connectedWorkspace();
    h.fake.revokeToken(ws.token);
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id }),
      "BAD_REQUEST",
    );
    expect(err.message).toMatch(/^invalid token/);
    const view = await ws.admin.integrations.calendly.get({ workspaceId: ws.id });
    expect(view.connection).toMatchObject({
      status: "RECONNECT_NEEDED",
      lastError: expect.stringMatching(/invalid token/),
      checkedAt: expect.any(Date),
    });
    expect(view.events[0]).toMatchObject({ kind: "RECONNECT_NEEDED", error: expect.stringMatching(/rejected/) });
  });

  it("retries a 429 after X-RateLimit-Reset and succeeds", async () => {
    const ws = await connectedWorkspace();
    h.fake.failNext(1, { status: 429, headers: { "x-ratelimit-reset": "7", "x-ratelimit-remaining": "0" } });
    const result = await ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id });
    expect(result.user.uri).toBe(ws.account.userUri);
    expect(h.sleeps).toContain(7000);
  });

  it("answers TOO_MANY_REQUESTS with the wait when Calendly keeps rate limiting", async () => {
    const ws = await connectedWorkspace();
    h.fake.failNext(10, { status: 429, headers: { "x-ratelimit-reset": "12", "x-ratelimit-remaining": "0" } });
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id }),
      "TOO_MANY_REQUESTS",
    );
    expect(err.message).toBe("Calendly rate limited, retry after 12 s");
    expect((err.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(12);
    const view = await ws.admin.integrations.calendly.get({ workspaceId: ws.id });
    expect(view.connection.lastError).toMatch(/rate limited, retry after 12 s/);
  });

  it("retries a 5xx and succeeds", async () => {
    const ws = await connectedWorkspace();
    h.fake.failNext(2, { status: 503 });
    const result = await ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id });
    expect(result.user.uri).toBe(ws.account.userUri);
  });

  it("answers SERVICE_UNAVAILABLE when Calendly keeps failing", async () => {
    const ws = await connectedWorkspace();
    h.fake.failNext(10, { status: 502 });
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id }),
      "SERVICE_UNAVAILABLE",
    );
    expect(err.message).toMatch(/Calendly unavailable/);
  });

  it("turns a timeout into SERVICE_UNAVAILABLE and recovers after one", async () => {
    const ws = await connectedWorkspace();
    h.fake.failNext(10, "timeout");
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id }),
      "SERVICE_UNAVAILABLE",
    );
    expect(err.message).toMatch(/Calendly unavailable/);
    h.fake.reset();
    h.fake.failNext(1, "timeout");
    await expect(ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id })).resolves.toMatchObject({
      user: { uri: ws.account.userUri },
    });
  });

  it("needs a stored token", async () => {
    const ws = await workspace();
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.testConnection({ workspaceId: ws.id }),
      "PRECONDITION_FAILED",
    );
    expect(fieldErrorsOf(err.cause)).toHaveProperty("token");
  });
});

describe("integrations.calendly.eventTypes", () => {
  it("lists the token user's event types across pages", async () => {
    const ws = await connectedWorkspace();
    for (let i = 0; i < 120; i++)
      h.fake.addEventType(ws.account.userUri, { slug: `t-${i}`, name: `T ${i}`, active: i % 2 === 0 });
    const types = await ws.admin.integrations.calendly.eventTypes({ workspaceId: ws.id });
    expect(types).toHaveLength(120);
    expect(types.filter((t) => !t.active)).toHaveLength(60);
  });
});

describe("integrations.calendly.ensureSubscription", () => {
  it("creates a user-scoped subscription for the four invitee events with a stored signing key", async () => {
    const ws = await connectedWorkspace();
    const sub = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });

    expect(h.fake.subscriptions).toHaveLength(1);
    const created = h.fake.subscriptions[0]!;
    expect(created).toMatchObject({
      callback_url: ws.webhookUrl,
      scope: "user",
      user: ws.account.userUri,
      organization: ws.account.organizationUri,
      state: "active",
    });
    expect([...created.events].sort()).toEqual([...CALENDLY_INVITEE_EVENTS].sort());
    expect(created.signing_key).toMatch(/^[0-9a-f]{64}$/);
    expect(sub).toMatchObject({ uri: created.uri, state: "active", retryStartedAt: null, checkedAt: expect.any(Date) });

    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyWebhookSubscriptionUri).toBe(created.uri);
    expect(h.secrets.decrypt(row.calendlyWebhookSigningKeyEnc!, secretContext.calendlySigningKey(ws.id))).toBe(
      created.signing_key,
    );
  });

  it("serializes concurrent calls (a double-click): one hook, every caller sees it", async () => {
    const ws = await connectedWorkspace();
    const results = await Promise.all(
      [1, 2, 3].map(() => ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id })),
    );
    expect(h.fake.subscriptions).toHaveLength(1);
    const only = h.fake.subscriptions[0]!;
    expect(new Set(results.map((r) => r.uri))).toEqual(new Set([only.uri]));
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(h.secrets.decrypt(row.calendlyWebhookSigningKeyEnc!, secretContext.calendlySigningKey(ws.id))).toBe(
      only.signing_key,
    );
    expect(row.calendlySubscriptionLeaseUntil).toBeNull();
  });

  it("reuses a matching active subscription (no new hook, same key)", async () => {
    const ws = await connectedWorkspace();
    const first = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    const key = h.fake.subscriptions[0]!.signing_key;
    h.fake.reset();
    const second = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(second.uri).toBe(first.uri);
    expect(h.fake.subscriptions).toHaveLength(1);
    expect(h.fake.subscriptions[0]!.signing_key).toBe(key);
    expect(h.fake.requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("replaces a disabled subscription (409 on create, delete the old, create again)", async () => {
    const ws = await connectedWorkspace();
    const first = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    h.fake.disableSubscription(first.uri!, new Date("2026-01-01T00:00:00Z"));

    const health = await ws.admin.integrations.calendly.health({ workspaceId: ws.id });
    expect(health).toMatchObject({
      uri: first.uri,
      state: "disabled",
      retryStartedAt: new Date("2026-01-01T00:00:00Z"),
    });

    const repaired = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(repaired.uri).not.toBe(first.uri);
    expect(repaired.state).toBe("active");
    expect(h.fake.subscriptions.map((s) => s.uri)).toEqual([repaired.uri]);
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(h.secrets.decrypt(row.calendlyWebhookSigningKeyEnc!, secretContext.calendlySigningKey(ws.id))).toBe(
      h.fake.subscriptions[0]!.signing_key,
    );
  });

  it("recovers from a 409: a hook with our URL whose key we do not hold is replaced", async () => {
    const ws = await connectedWorkspace();
    // someone else (or a lost database) created a hook for our URL
    const res = await fetch("https://api.calendly.com/webhook_subscriptions", {
      method: "POST",
      headers: { authorization: `Bearer ${ws.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        url: ws.webhookUrl,
        events: ["invitee.created"],
        organization: ws.account.organizationUri,
        scope: "user",
        user: ws.account.userUri,
        signing_key: "unknown",
      }),
    });
    expect(res.status).toBe(201);
    h.fake.reset();

    const sub = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });

    expect(h.fake.requests.filter((r) => r.method === "POST").length).toBe(2); // 409, then created
    expect(h.fake.subscriptions).toHaveLength(1);
    expect(h.fake.subscriptions[0]).toMatchObject({
      uri: sub.uri,
      signing_key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(h.fake.subscriptions[0]!.events).toHaveLength(4);
  });

  it("creates the new hook before deleting an old one at another URL", async () => {
    const ws = await connectedWorkspace();
    const old = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    // the stored subscription points at an outdated URL
    h.fake.subscriptions[0]!.callback_url = `https://old-host.test/webhooks/calendly/${ws.id}`;
    h.fake.reset();
    const sub = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    const calls = h.fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls.indexOf("POST /webhook_subscriptions")).toBeLessThan(calls.findIndex((c) => c.startsWith("DELETE")));
    expect(h.fake.subscriptions.map((s) => s.uri)).toEqual([sub.uri]);
    expect(sub.uri).not.toBe(old.uri);
  });

  it("explains a free plan that cannot have webhooks, and keeps state missing", async () => {
    const ws = await connectedWorkspace({ plan: "free", webhooksRequirePaidPlan: true });
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id }),
      "PRECONDITION_FAILED",
    );
    expect(err.message).toMatch(/paid|plan|upgrade/i);
    const view = await ws.admin.integrations.calendly.get({ workspaceId: ws.id });
    expect(view.subscription.state).toBe("missing");
  });

  it("explains a missing webhooks:write scope", async () => {
    const ws = await connectedWorkspace({ scopes: ["users:read", "webhooks:read", "scheduled_events:read"] });
    const err = await expectTRPCError(
      ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id }),
      "PRECONDITION_FAILED",
    );
    expect(err.message).toMatch(/webhooks:write/);
  });

  it("retries 5xx answers while ensuring and removing", async () => {
    const ws = await connectedWorkspace();
    h.fake.reset();
    h.fake.failNext(2, { status: 500 });
    await expect(ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id })).resolves.toMatchObject({
      state: "active",
    });
    expect(h.fake.requests.slice(0, 3).map((r) => `${r.method} ${r.path}`)).toEqual(
      Array(3).fill("GET /webhook_subscriptions"),
    );
    h.fake.failNext(2, { status: 500 });
    await expect(ws.admin.integrations.calendly.removeSubscription({ workspaceId: ws.id })).resolves.toMatchObject({
      state: "missing",
    });
    expect(h.fake.subscriptions).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const ws = await connectedWorkspace();
    await expectTRPCError(ws.setter.integrations.calendly.ensureSubscription({ workspaceId: ws.id }), "FORBIDDEN");
    expect(h.fake.subscriptions).toHaveLength(0);
  });
});

describe("integrations.calendly.removeSubscription and health", () => {
  it("removes the subscription at Calendly and clears it; a hook already gone is fine", async () => {
    const ws = await connectedWorkspace();
    const sub = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    h.fake.subscriptions.splice(0); // deleted at Calendly behind our back
    const health = await ws.admin.integrations.calendly.health({ workspaceId: ws.id });
    expect(health).toMatchObject({ uri: null, state: "missing" });

    await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    expect(h.fake.subscriptions).toHaveLength(1);
    const removed = await ws.admin.integrations.calendly.removeSubscription({ workspaceId: ws.id });
    expect(removed).toMatchObject({ uri: null, state: "missing" });
    expect(h.fake.subscriptions).toHaveLength(0);
    expect(sub.uri).toBeTruthy();
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyWebhookSigningKeyEnc).toBeNull();
  });

  it("health reports retry_started_at and last delivery", async () => {
    const ws = await connectedWorkspace();
    const sub = await ws.admin.integrations.calendly.ensureSubscription({ workspaceId: ws.id });
    const fake = h.fake.subscriptions.find((s) => s.uri === sub.uri)!;
    fake.retry_started_at = "2026-02-03T04:05:06.000000Z";
    const delivered = new Date("2026-02-03T03:00:00Z");
    await h.db.client.update({ where: { id: ws.id }, data: { calendlyLastWebhookAt: delivered } });
    const health = await ws.setter.integrations.calendly.health({ workspaceId: ws.id });
    expect(health).toEqual({
      uri: sub.uri,
      state: "active",
      retryStartedAt: new Date("2026-02-03T04:05:06Z"),
      checkedAt: expect.any(Date),
      lastDeliveryAt: delivered,
      events: [
        expect.objectContaining({
          kind: "SUBSCRIPTION_CREATED",
          message: "Created the user-scope webhook subscription",
        }),
        expect.objectContaining({ kind: "CONNECTED" }),
      ],
    });
  });
});

describe("tenancy", () => {
  it("a member of workspace A can neither read nor change B's integration", async () => {
    const a = await workspace();
    const b = await connectedWorkspace();
    await expectTRPCError(a.admin.integrations.calendly.get({ workspaceId: b.id }), "NOT_FOUND");
    await expectTRPCError(a.admin.integrations.calendly.update({ workspaceId: b.id, token: null }), "NOT_FOUND");
    await expectTRPCError(a.admin.integrations.calendly.testConnection({ workspaceId: b.id }), "NOT_FOUND");
    await expectTRPCError(a.admin.integrations.calendly.ensureSubscription({ workspaceId: b.id }), "NOT_FOUND");
    const row = await h.db.client.findUniqueOrThrow({ where: { id: b.id } });
    expect(row.calendlyAccessTokenEnc).not.toBeNull();
  });

  it("a setter cannot change integrations", async () => {
    const ws = await connectedWorkspace();
    await expectTRPCError(ws.setter.integrations.calendly.update({ workspaceId: ws.id, token: null }), "FORBIDDEN");
    await expectTRPCError(ws.setter.integrations.calendly.testConnection({ workspaceId: ws.id }), "FORBIDDEN");
    await expectTRPCError(ws.setter.integrations.calendly.removeSubscription({ workspaceId: ws.id }), "FORBIDDEN");
    await expectTRPCError(ws.setter.integrations.calendly.disconnect({ workspaceId: ws.id }), "FORBIDDEN");
    const row = await h.db.client.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row.calendlyAccessTokenEnc).not.toBeNull();
  });

  it("platform admins may change any workspace", async () => {
    const ws = await connectedWorkspace();
    await expect(
      h.platform().integrations.calendly.update({ workspaceId: ws.id, eventTypeName: "Renamed" }),
    ).resolves.toMatchObject({ eventTypeName: "Renamed", canEdit: true });
  });
});
