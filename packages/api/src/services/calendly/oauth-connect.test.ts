// "Connect with Calendly" against a real PostgreSQL and the fake Calendly's OAuth server over msw.

import { createHash } from "node:crypto";
import { CALENDLY_OAUTH_SCOPES } from "@booking/calendly";
import { secretContext } from "@booking/db";
import { CALENDLY_AUTH_BASE_URL, createHarness, type Harness, OAUTH_APP } from "../../testing/harness.ts";
import { getCalendlyIntegration } from "./get-integration.ts";
import { completeCalendlyOAuth, startCalendlyOAuth } from "./oauth-connect.ts";
import { adminWorkspace, calendlyUser, connectWithOAuth, REDIRECT_URI, serviceDeps } from "./test-helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

const row = (id: string) => h.db.client.findUniqueOrThrow({ where: { id } });
const events = (id: string) => h.db.integrationEvent.findMany({ where: { clientId: id }, orderBy: { at: "asc" } });
const callback = (ws: { actor: Parameters<typeof completeCalendlyOAuth>[1]["actor"] }, url: string) =>
  completeCalendlyOAuth(serviceDeps(h), {
    actor: ws.actor,
    params: new URL(url).searchParams,
    redirectUri: REDIRECT_URI,
  });

describe("start", () => {
  it("redirects to $CALENDLY_AUTH_BASE_URL/oauth/authorize with a single-use state and S256 PKCE, stored hashed", async () => {
    const ws = await adminWorkspace(h);
    const started = await startCalendlyOAuth(serviceDeps(h), {
      actor: ws.actor,
      workspaceId: ws.id,
      redirectUri: REDIRECT_URI,
    });
    if (!started.ok) throw new Error(started.message);
    const url = new URL(started.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${CALENDLY_AUTH_BASE_URL}/oauth/authorize`);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      client_id: OAUTH_APP.clientId,
      response_type: "code",
      redirect_uri: REDIRECT_URI,
      code_challenge_method: "S256",
      scope: CALENDLY_OAUTH_SCOPES.join(" "),
    });
    expect(q.scope!.split(" ")).toEqual(
      expect.arrayContaining(["scheduled_events:write", "organizations:read", "webhooks:write", "users:read"]),
    );
    const state = q.state!;
    expect(state.length).toBeGreaterThanOrEqual(32);
    const stored = await h.db.calendlyOAuthState.findMany({ where: { clientId: ws.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(createHash("sha256").update(state).digest("hex"));
    expect(stored[0]!.userEmail).toBe(ws.admin);
    expect(stored[0]!.usedAt).toBeNull();
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    // The verifier is encrypted and bound to its state row; its S256 is the challenge sent.
    const verifier = h.secrets.decrypt(stored[0]!.codeVerifierEnc, secretContext.calendlyOAuthVerifier(stored[0]!.id));
    expect(stored[0]!.codeVerifierEnc).not.toContain(verifier);
    expect(createHash("sha256").update(verifier).digest("base64url")).toBe(q.code_challenge);
  });

  it("is for workspace admins and platform admins only", async () => {
    const setter = `setter-${Math.random().toString(36).slice(2, 8)}@ws.test`;
    const ws = await adminWorkspace(h, [[setter, "SETTER"]]);
    const deps = serviceDeps(h);
    const asSetter = await startCalendlyOAuth(deps, {
      actor: { kind: "user", email: setter },
      workspaceId: ws.id,
      redirectUri: REDIRECT_URI,
    });
    expect(asSetter).toMatchObject({ ok: false, status: 403, reason: "forbidden" });
    const stranger = await startCalendlyOAuth(deps, {
      actor: { kind: "user", email: "stranger@else.test" },
      workspaceId: ws.id,
      redirectUri: REDIRECT_URI,
    });
    expect(stranger).toMatchObject({ ok: false, status: 404, reason: "not_found" });
    expect(await h.db.calendlyOAuthState.count({ where: { clientId: ws.id } })).toBe(0);
    const platform = await startCalendlyOAuth(deps, {
      actor: { kind: "platform" },
      workspaceId: ws.id,
      redirectUri: REDIRECT_URI,
    });
    expect(platform.ok).toBe(true);
  });

  it("is not offered without an OAuth app (personal access tokens only)", async () => {
    const ws = await adminWorkspace(h);
    const started = await startCalendlyOAuth(serviceDeps(h, { oauth: null }), {
      actor: ws.actor,
      workspaceId: ws.id,
      redirectUri: REDIRECT_URI,
    });
    expect(started).toMatchObject({ ok: false, status: 404, reason: "not_configured" });
  });
});

describe("callback", () => {
  it("exchanges the code, stores the tokens encrypted with expiry, scopes, user, organization and role", async () => {
    const ws = await adminWorkspace(h);
    const user = calendlyUser(h, { role: "admin", name: "Ada Admin" });
    const { result } = await connectWithOAuth(h, ws);
    expect(result).toEqual({ ok: true, workspaceId: ws.id, user: { name: "Ada Admin", email: user.user.email } });

    const accessToken = h.fake.accounts.find((a) => a.token.startsWith("fake-oauth-access-"))!.token;
    const [refreshToken] = h.fake.oauth.liveRefreshTokens();
    const stored = await row(ws.id);
    const dump = JSON.stringify(stored);
    expect(dump).not.toContain(accessToken);
    expect(dump).not.toContain(refreshToken);
    expect(h.secrets.decrypt(stored.calendlyAccessTokenEnc!, secretContext.calendlyAccessToken(ws.id))).toBe(
      accessToken,
    );
    expect(h.secrets.decrypt(stored.calendlyRefreshTokenEnc!, secretContext.calendlyRefreshToken(ws.id))).toBe(
      refreshToken,
    );
    // Bound to the field: the refresh token's ciphertext does not open as the access token.
    expect(() =>
      h.secrets.decrypt(stored.calendlyRefreshTokenEnc!, secretContext.calendlyAccessToken(ws.id)),
    ).toThrow();
    expect(stored).toMatchObject({
      calendlyAuthMethod: "OAUTH",
      calendlyConnectionStatus: "CONNECTED",
      calendlyUserUri: user.userUri,
      calendlyUserName: "Ada Admin",
      calendlyOrganizationUri: user.organizationUri,
      calendlyOrganizationRole: "admin",
      calendlyTokenScopes: CALENDLY_OAUTH_SCOPES.join(" "),
      calendlyMissingScopes: [],
      calendlyAccessTokenLast4: null,
    });
    expect(stored.calendlyAccessTokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(119 * 60_000);
    // Basic client authentication, PKCE verifier, /users/me and the role look-up.
    expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /oauth/token",
      "GET /users/me",
      "GET /organization_memberships",
    ]);
    expect(h.fake.requests[0]!.body).toMatchObject({ grant_type: "authorization_code", redirect_uri: REDIRECT_URI });
    expect(await events(ws.id)).toEqual([
      expect.objectContaining({
        kind: "CONNECTED",
        actor: `user:${ws.admin}`,
        message: expect.stringMatching(/OAuth as Ada Admin/),
      }),
    ]);
    const view = await getCalendlyIntegration(serviceDeps(h), ws.id);
    expect(view).toMatchObject({
      authMethod: "OAUTH",
      tokenConfigured: true,
      tokenLast4: null,
      oauthAvailable: true,
      organizationScopeAllowed: true,
      connection: { status: "CONNECTED", userName: "Ada Admin", role: "admin", tokenExpiresAt: expect.any(Date) },
    });
    expect(JSON.stringify(view)).not.toContain(accessToken);
  });

  async function started() {
    const ws = await adminWorkspace(h);
    calendlyUser(h);
    const start = await startCalendlyOAuth(serviceDeps(h), {
      actor: ws.actor,
      workspaceId: ws.id,
      redirectUri: REDIRECT_URI,
    });
    if (!start.ok) throw new Error(start.message);
    return { ws, callbackUrl: h.fake.oauth.consent(start.authorizationUrl) };
  }

  async function expectNothingStored(id: string) {
    const stored = await row(id);
    expect(stored.calendlyAccessTokenEnc).toBeNull();
    expect(stored.calendlyRefreshTokenEnc).toBeNull();
    expect(stored.calendlyAuthMethod).toBeNull();
    expect(await h.db.integrationEvent.count({ where: { clientId: id } })).toBe(0);
  }

  it("refuses a forged state (and a missing one) before any token request", async () => {
    const { ws, callbackUrl } = await started();
    const forged = new URL(callbackUrl);
    forged.searchParams.set("state", "forged-state-value-0000000000000000000");
    expect(await callback(ws, forged.href)).toMatchObject({
      ok: false,
      reason: "unknown_state",
      status: 400,
      workspaceId: null,
    });
    const missing = new URL(callbackUrl);
    missing.searchParams.delete("state");
    expect(await callback(ws, missing.href)).toMatchObject({ ok: false, reason: "missing_state", status: 400 });
    expect(h.fake.oauth.tokenRequests).toBe(0);
    await expectNothingStored(ws.id);
  });

  it("refuses a reused state", async () => {
    const { ws, callbackUrl } = await started();
    expect(await callback(ws, callbackUrl)).toMatchObject({ ok: true });
    const tokens = h.fake.oauth.tokenRequests;
    const again = await callback(ws, callbackUrl);
    expect(again).toMatchObject({ ok: false, reason: "reused_state", status: 400, workspaceId: ws.id });
    expect(again.ok === false && again.message).toMatch(/already used/);
    expect(h.fake.oauth.tokenRequests).toBe(tokens);
  });

  it("refuses an expired state (10 minutes)", async () => {
    const { ws, callbackUrl } = await started();
    const later = serviceDeps(h, { clock: () => new Date(Date.now() + 10 * 60_000 + 1_000) });
    const result = await completeCalendlyOAuth(later, {
      actor: ws.actor,
      params: new URL(callbackUrl).searchParams,
      redirectUri: REDIRECT_URI,
    });
    expect(result).toMatchObject({ ok: false, reason: "expired_state", status: 400 });
    expect(h.fake.oauth.tokenRequests).toBe(0);
    await expectNothingStored(ws.id);
  });

  it("refuses another user's state without spending it", async () => {
    const { ws, callbackUrl } = await started();
    const other = await callback({ actor: { kind: "user", email: "mallory@ws.test" } }, callbackUrl);
    expect(other).toMatchObject({ ok: false, reason: "other_user", status: 403, workspaceId: null });
    await expectNothingStored(ws.id);
    expect(await callback(ws, callbackUrl)).toMatchObject({ ok: true });
  });

  it("reports a declined consent (error=access_denied) and stores nothing", async () => {
    const ws = await adminWorkspace(h);
    calendlyUser(h);
    const { result, callbackUrl } = await connectWithOAuth(h, ws, { decision: "deny" });
    expect(new URL(callbackUrl).searchParams.get("error")).toBe("access_denied");
    expect(result).toMatchObject({ ok: false, reason: "denied", status: 400, workspaceId: ws.id });
    expect(result.ok === false && result.message).toMatch(/declined/);
    expect(h.fake.oauth.tokenRequests).toBe(0);
    await expectNothingStored(ws.id);
  });

  it("reports a refused code exchange (400 invalid_grant) and stores nothing", async () => {
    const { ws, callbackUrl } = await started();
    h.fake.oauth.failNext(1, {
      status: 400,
      body: { error: "invalid_grant", error_description: "The authorization code expired" },
    });
    const result = await callback(ws, callbackUrl);
    expect(result).toMatchObject({ ok: false, reason: "exchange_failed", status: 400, workspaceId: ws.id });
    expect(result.ok === false && result.message).toMatch(/invalid_grant.*expired/);
    await expectNothingStored(ws.id);
  });

  it("reports Calendly failing the exchange (500) and stores nothing", async () => {
    const { ws, callbackUrl } = await started();
    h.fake.oauth.failNext(1, { status: 500 });
    const result = await callback(ws, callbackUrl);
    expect(result).toMatchObject({ ok: false, reason: "calendly_unavailable", status: 502, workspaceId: ws.id });
    expect(result.ok === false && result.message).toMatch(/unavailable.*500/);
    await expectNothingStored(ws.id);
  });

  it("refuses a user who lost the admin role between start and callback", async () => {
    const { ws, callbackUrl } = await started();
    await h.db.clientMember.updateMany({ where: { clientId: ws.id }, data: { role: "SETTER" } });
    expect(await callback(ws, callbackUrl)).toMatchObject({ ok: false, reason: "forbidden", status: 403 });
    await expectNothingStored(ws.id);
  });

  it("the same Calendly user reconnecting keeps the subscription; the old tokens are revoked", async () => {
    const ws = await adminWorkspace(h);
    calendlyUser(h);
    await connectWithOAuth(h, ws);
    await h.db.client.update({
      where: { id: ws.id },
      data: { calendlyWebhookSubscriptionUri: "https://api.calendly.com/webhook_subscriptions/keep-me" },
    });
    const [oldRefresh] = h.fake.oauth.liveRefreshTokens();
    const { result } = await connectWithOAuth(h, ws);
    expect(result.ok).toBe(true);
    expect((await row(ws.id)).calendlyWebhookSubscriptionUri).toBe(
      "https://api.calendly.com/webhook_subscriptions/keep-me",
    );
    expect(h.fake.oauth.revoked).toContain(oldRefresh);
    expect(h.fake.oauth.liveRefreshTokens()).toHaveLength(1);
  });
});
