// The token service against a real PostgreSQL and the fake Calendly (API and OAuth server) over
// msw: rotation under concurrency, reconnect-needed without loops, missing scopes.
import { createDb, secretContext } from "@booking/db";
import { createHarness, type Harness } from "../../testing/harness.ts";
import { adminWorkspace, calendlyUser, connectWithOAuth, serviceDeps } from "./test-helpers.ts";
import { clientForWorkspace, refreshCalendlyToken } from "./token.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

const row = (id: string) => h.db.client.findUniqueOrThrow({ where: { id } });
const storedRefreshToken = async (id: string) =>
  h.secrets.decrypt((await row(id)).calendlyRefreshTokenEnc!, secretContext.calendlyRefreshToken(id));
const apiRequests = () => h.fake.requests.filter((r) => !r.path.startsWith("/oauth/"));

async function oauthWorkspace() {
  const ws = await adminWorkspace(h);
  const user = calendlyUser(h);
  const { result } = await connectWithOAuth(h, ws);
  if (!result.ok) throw new Error(result.message);
  h.fake.reset();
  return { ...ws, user };
}

/** The stored access token expired (our clock) and Calendly agrees. */
async function expire(id: string) {
  await h.db.client.update({ where: { id }, data: { calendlyAccessTokenExpiresAt: new Date(Date.now() - 1000) } });
  h.fake.oauth.expireAccessTokens();
}

describe("refresh-token rotation", () => {
  it("20 concurrent calls with an expired access token: exactly one /oauth/token request, all 20 succeed", async () => {
    const ws = await oauthWorkspace();
    const before = await storedRefreshToken(ws.id);
    await expire(ws.id);

    // Two "processes": two database clients with pools of their own, ten calls each.
    const other = createDb({ url: h.database.url, max: 5 });
    const deps = [serviceDeps(h), serviceDeps(h, { db: other })];
    const users = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        (await clientForWorkspace(deps[i % 2]!, { id: ws.id })).getCurrentUser(),
      ),
    ).finally(() => other.$disconnect());

    expect(users.map((u) => u.uri)).toEqual(Array(20).fill(ws.user.userUri));
    expect(h.fake.oauth.tokenRequests).toBe(1);
    const after = await storedRefreshToken(ws.id);
    expect(after).not.toBe(before);
    expect(h.fake.oauth.liveRefreshTokens()).toEqual([after]);
    const stored = await row(ws.id);
    expect(stored.calendlyAccessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 119 * 60_000);
    expect(stored.calendlyConnectionStatus).toBe("CONNECTED");
    const events = await h.db.integrationEvent.findMany({ where: { clientId: ws.id, kind: "TOKEN_REFRESHED" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actor).toBe("test");
  });

  it("20 concurrent calls whose token Calendly refuses (401) before its expiry: one refresh, each call retried once", async () => {
    const ws = await oauthWorkspace();
    h.fake.oauth.expireAccessTokens(); // our row still says it is valid for two hours
    const deps = serviceDeps(h);
    const results = await Promise.all(
      Array.from({ length: 20 }, async () =>
        (await clientForWorkspace(deps, { id: ws.id })).listOrganizationMemberships({ user: ws.user.userUri }),
      ),
    );
    expect(results.every((r) => r[0]?.role === "owner")).toBe(true);
    expect(h.fake.oauth.tokenRequests).toBe(1);
    // 20 refused calls + 20 retries with the renewed token.
    expect(apiRequests()).toHaveLength(40);
    expect(await storedRefreshToken(ws.id)).toBe(h.fake.oauth.liveRefreshTokens()[0]);
  });

  it("a refresh that gets invalid_grant marks RECONNECT_NEEDED once and is never retried", async () => {
    const ws = await oauthWorkspace();
    // The stored refresh token is spent elsewhere (lost): Calendly will refuse it.
    await h.calendlyOAuth.refresh(await storedRefreshToken(ws.id));
    await expire(ws.id);
    h.fake.reset();

    const deps = serviceDeps(h, { actor: "worker" });
    const calls = await Promise.allSettled(
      Array.from({ length: 5 }, async () => (await clientForWorkspace(deps, { id: ws.id })).getCurrentUser()),
    );
    expect(calls.every((c) => c.status === "rejected")).toBe(true);
    expect(h.fake.oauth.tokenRequests).toBe(1);
    expect(apiRequests()).toHaveLength(0);
    const stored = await row(ws.id);
    expect(stored.calendlyConnectionStatus).toBe("RECONNECT_NEEDED");
    expect(stored.calendlyLastError).toMatch(/^Calendly refused the refresh token \(invalid_grant/);
    const events = await h.db.integrationEvent.findMany({ where: { clientId: ws.id, kind: "RECONNECT_NEEDED" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actor).toBe("worker");

    // Later callers stop at once: no token request, no API call.
    h.fake.reset();
    const later = await clientForWorkspace(deps, { id: ws.id }).catch((e: unknown) => e);
    expect(later).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/reconnect Calendly/) });
    expect(await refreshCalendlyToken(deps, ws.id, { aheadMs: 60 * 60_000 })).toBe("reconnect_needed");
    expect(h.fake.requests).toHaveLength(0);
  });

  it("a 500 from /oauth/token changes nothing: the token is still renewed on the next try", async () => {
    const ws = await oauthWorkspace();
    const before = await storedRefreshToken(ws.id);
    await expire(ws.id);
    h.fake.oauth.failNext(1, { status: 500 });
    const deps = serviceDeps(h);
    const error = await clientForWorkspace(deps, { id: ws.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "unavailable",
      message: expect.stringMatching(/Renewing the Calendly access token failed/),
    });
    expect(await storedRefreshToken(ws.id)).toBe(before);
    expect((await row(ws.id)).calendlyConnectionStatus).toBe("CONNECTED");
    const me = await (await clientForWorkspace(deps, { id: ws.id })).getCurrentUser();
    expect(me.uri).toBe(ws.user.userUri);
    expect(h.fake.oauth.tokenRequests).toBe(2);
  });

  it("renewing ahead of expiry that fails for a passing reason keeps using the still-valid token", async () => {
    const ws = await oauthWorkspace();
    await h.db.client.update({
      where: { id: ws.id },
      data: { calendlyAccessTokenExpiresAt: new Date(Date.now() + 60_000) }, // within the 5-minute margin
    });
    h.fake.oauth.failNext(1, { status: 503 });
    const me = await (await clientForWorkspace(serviceDeps(h), { id: ws.id })).getCurrentUser();
    expect(me.uri).toBe(ws.user.userUri);
    expect(h.fake.oauth.tokenRequests).toBe(1);
  });

  it("the worker's refresh ahead of expiry renews only tokens that expire within its window", async () => {
    const ws = await oauthWorkspace();
    const deps = serviceDeps(h, { actor: "worker" });
    expect(await refreshCalendlyToken(deps, ws.id, { aheadMs: 10 * 60_000 })).toBe("fresh");
    expect(h.fake.oauth.tokenRequests).toBe(0);
    expect(await refreshCalendlyToken(deps, ws.id, { aheadMs: 3 * 60 * 60_000 })).toBe("refreshed");
    expect(h.fake.oauth.tokenRequests).toBe(1);
    expect(await storedRefreshToken(ws.id)).toBe(h.fake.oauth.liveRefreshTokens()[0]);
    const pat = await adminWorkspace(h);
    expect(await refreshCalendlyToken(deps, pat.id, { aheadMs: 60_000 })).toBe("not_oauth");
  });
});

describe("personal access tokens", () => {
  it("a token Calendly refuses (401) marks RECONNECT_NEEDED once, however many calls saw it", async () => {
    const ws = await adminWorkspace(h);
    const token = "pat_will_be_revoked_000000000000";
    h.fake.addAccount({ token });
    await h.db.client.update({
      where: { id: ws.id },
      data: {
        calendlyAuthMethod: "PERSONAL_TOKEN",
        calendlyAccessTokenEnc: h.secrets.encrypt(token, secretContext.calendlyAccessToken(ws.id)),
      },
    });
    h.fake.revokeToken(token);
    const deps = serviceDeps(h);
    const calls = await Promise.allSettled(
      Array.from({ length: 3 }, async () => (await clientForWorkspace(deps, { id: ws.id })).getCurrentUser()),
    );
    expect(calls.map((c) => c.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(h.fake.oauth.tokenRequests).toBe(0);
    expect((await row(ws.id)).calendlyConnectionStatus).toBe("RECONNECT_NEEDED");
    expect(await h.db.integrationEvent.count({ where: { clientId: ws.id, kind: "RECONNECT_NEEDED" } })).toBe(1);
    // A person may still test it (and find it works again once Calendly accepts it).
    h.fake.addAccount({ token });
    const me = await (await clientForWorkspace(deps, { id: ws.id }, { allowReconnectNeeded: true })).getCurrentUser();
    expect(me.uri).toMatch(/\/users\//);
  });
});

describe("missing scopes", () => {
  it("a 403 naming required_scopes is stored and reported as 'reconnect to grant'", async () => {
    const ws = await oauthWorkspace();
    const token = h.secrets.decrypt(
      (await row(ws.id)).calendlyAccessTokenEnc!,
      secretContext.calendlyAccessToken(ws.id),
    );
    h.fake.accounts.find((a) => a.token === token)!.scopes.delete("scheduled_events:write");
    const calendly = await clientForWorkspace(serviceDeps(h), { id: ws.id });
    const error = await calendly
      .createInviteeNoShow("https://api.calendly.com/scheduled_events/e/invitees/i")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "forbidden_scope",
      requiredScopes: ["scheduled_events:write"],
      message: "Calendly needs more permissions: reconnect to grant scheduled_events:write",
    });
    expect((await row(ws.id)).calendlyMissingScopes).toEqual(["scheduled_events:write"]);
    // Twice is still one entry.
    await calendly.createInviteeNoShow("https://api.calendly.com/scheduled_events/e/invitees/i").catch(() => undefined);
    expect((await row(ws.id)).calendlyMissingScopes).toEqual(["scheduled_events:write"]);
    // A new connection starts with none missing.
    await connectWithOAuth(h, ws);
    expect((await row(ws.id)).calendlyMissingScopes).toEqual([]);
  });
});
