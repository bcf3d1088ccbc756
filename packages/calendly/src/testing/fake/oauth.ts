// The fake Calendly's OAuth server (auth.calendly.com): /oauth/authorize with a consent page,
// /oauth/token (authorization_code with PKCE S256 and HTTP Basic client authentication;
// refresh_token with single-use rotating refresh tokens), /oauth/revoke. Tokens it issues become
// API accounts of the fake, with the granted scopes and an expiry a test can shorten.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { FakeFailure } from "./responses.ts";

/** What the OAuth server needs from the API side of the fake. */
export type FakeOAuthHost = {
  /** The user a consent is given for: `userUri`, or the first account's user. */
  consentingUser(
    userUri: string | null,
  ): { uri: string; name: string; email: string; current_organization: string } | undefined;
  /** Makes `token` an API token of `userUri` with `scopes`, valid until `expiresAt` (ms). */
  issueAccessToken(userUri: string, token: string, scopes: Set<string>, expiresAt: number): void;
  /** Expires an access token now (later API calls with it get 401). */
  expireAccessToken(token: string): void;
  revokeAccessToken(token: string): void;
  log(request: { method: string; path: string; query: Record<string, string>; body: unknown }): void;
};

type Grant = { clientId: string; userUri: string; scopes: Set<string> };

type Code = Grant & { redirectUri: string; challenge: string; expiresAt: number; used: boolean };

type RefreshToken = Grant & { used: boolean; revoked: boolean; accessToken: string };

type PendingConsent = Grant & { redirectUri: string; state: string | null; challenge: string };

export type FakeOAuthClientApp = { clientId: string; clientSecret: string; redirectUris?: string[] };

const KNOWN_SCOPES = new Set([
  "users:read",
  "event_types:read",
  "event_types:write",
  "webhooks:read",
  "webhooks:write",
  "scheduled_events:read",
  "scheduled_events:write",
  "scheduling_links:write",
  "organizations:read",
  "routing_forms:read",
  "contacts:read",
  "meeting_recaps:read",
]);

const CODE_TTL_MS = 10 * 60_000;

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function oauthError(status: number, error: string, description?: string): Response {
  return new Response(JSON.stringify({ error, ...(description ? { error_description: description } : {}) }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function html(status: number, title: string, body: string): Response {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;background:#f3f6fb;margin:0;color:#0b3558}
main{max-width:440px;margin:64px auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px #0b355822}
h1{font-size:22px;margin:0 0 12px}ul{padding-left:20px}li{font-family:monospace;font-size:13px}
.actions{display:flex;gap:12px;justify-content:flex-end;margin-top:24px}
button{font-size:15px;padding:10px 20px;border-radius:8px;border:1px solid #0069ff;cursor:pointer}
button[value=allow]{background:#0069ff;color:#fff}button[value=deny]{background:#fff;color:#0069ff}
.note{font-size:12px;color:#476788}</style></head><body><main>${body}</main></body></html>`;
  return new Response(page, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}

function withParams(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.href;
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export function createFakeOAuth(host: FakeOAuthHost) {
  const apps = new Map<string, FakeOAuthClientApp>();
  const pending = new Map<string, PendingConsent>();
  const codes = new Map<string, Code>();
  const refreshTokens = new Map<string, RefreshToken>();
  const failures: FakeFailure[] = [];
  const revoked: string[] = [];
  let consentUser: string | null = null;
  let denials = 0;
  let accessTokenTtlSeconds = 2 * 60 * 60;
  let tokenRequests = 0;

  function parseAuthorize(url: URL): { consent: PendingConsent } | { response: Response } {
    const q = url.searchParams;
    const app = apps.get(q.get("client_id") ?? "");
    const redirectUri = q.get("redirect_uri") ?? "";
    let validRedirect = false;
    try {
      validRedirect = ["http:", "https:"].includes(new URL(redirectUri).protocol);
    } catch {
      validRedirect = false;
    }
    // Unknown client or redirect URI: an error page, never a redirect (RFC 6749 4.1.2.1).
    if (!app)
      return {
        response: html(400, "Unknown application", "<h1>Unknown application</h1><p>client_id is not registered.</p>"),
      };
    if (!validRedirect || (app.redirectUris && !app.redirectUris.includes(redirectUri)))
      return {
        response: html(
          400,
          "Invalid redirect URI",
          "<h1>Invalid redirect URI</h1><p>redirect_uri is not registered for this application.</p>",
        ),
      };
    const state = q.get("state");
    const fail = (error: string, description: string) => ({
      response: redirect(withParams(redirectUri, { error, error_description: description, state })),
    });
    if (q.get("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code");
    const challenge = q.get("code_challenge");
    if (!challenge || q.get("code_challenge_method") !== "S256")
      return fail("invalid_request", "PKCE with code_challenge_method=S256 is required");
    const scopes = new Set((q.get("scope") ?? "").split(/\s+/).filter(Boolean));
    const unknown = [...scopes].filter((s) => !KNOWN_SCOPES.has(s));
    if (unknown.length > 0) return fail("invalid_scope", `Unknown scopes: ${unknown.join(", ")}`);
    if (denials > 0) {
      denials--;
      return fail("access_denied", "The user denied access");
    }
    const user = host.consentingUser(consentUser);
    if (!user)
      return {
        response: html(
          500,
          "No Calendly user",
          "<h1>No Calendly user</h1><p>The fake has no account to sign in with.</p>",
        ),
      };
    return { consent: { clientId: app.clientId, userUri: user.uri, scopes, redirectUri, state, challenge } };
  }

  function decide(consent: PendingConsent, decision: string): string {
    if (decision !== "allow")
      return withParams(consent.redirectUri, {
        error: "access_denied",
        error_description: "The user denied access",
        state: consent.state,
      });
    const code = `fake-code-${randomUUID()}`;
    codes.set(code, { ...consent, expiresAt: Date.now() + CODE_TTL_MS, used: false });
    return withParams(consent.redirectUri, { code, state: consent.state });
  }

  function consentPage(ticket: string, consent: PendingConsent, basePath: string): Response {
    const user = host.consentingUser(consent.userUri);
    const scopes = [...consent.scopes].map((s) => `<li>${escapeHtml(s)}</li>`).join("");
    return html(
      200,
      "Authorize access to Calendly",
      `<h1>Authorize access to Calendly</h1>
<p>An application (<code>${escapeHtml(consent.clientId)}</code>) asks to access the Calendly account of
<strong>${escapeHtml(user?.name ?? consent.userUri)}</strong> (${escapeHtml(user?.email ?? "")}).</p>
<p>It will be able to:</p><ul aria-label="Requested permissions">${scopes || "<li>(nothing)</li>"}</ul>
<form method="post" action="${escapeHtml(`${basePath}/oauth/authorize`)}">
<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">
<div class="actions"><button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button></div></form>
<p class="note">Local Calendly stand-in for tests and the demo.</p>`,
    );
  }

  function issue(grant: Grant) {
    const accessToken = `fake-oauth-access-${randomUUID()}`;
    const refreshToken = `fake-oauth-refresh-${randomUUID()}`;
    host.issueAccessToken(grant.userUri, accessToken, grant.scopes, Date.now() + accessTokenTtlSeconds * 1000);
    refreshTokens.set(refreshToken, { ...grant, used: false, revoked: false, accessToken });
    const user = host.consentingUser(grant.userUri);
    return new Response(
      JSON.stringify({
        token_type: "Bearer",
        access_token: accessToken,
        refresh_token: refreshToken,
        expires_in: accessTokenTtlSeconds,
        created_at: Math.floor(Date.now() / 1000),
        scope: [...grant.scopes].join(" "),
        owner: grant.userUri,
        organization: user?.current_organization ?? null,
      }),
      { status: 200, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } },
    );
  }

  /** HTTP Basic client authentication; `allowBody` also accepts client_id + client_secret in the form. */
  function authenticateClient(request: Request, form: URLSearchParams, allowBody: boolean): FakeOAuthClientApp | null {
    const basic = /^Basic (.+)$/i.exec(request.headers.get("authorization") ?? "");
    let id: string | null = null;
    let secret: string | null = null;
    if (basic) {
      const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        id = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    } else if (allowBody) {
      id = form.get("client_id");
      secret = form.get("client_secret");
    }
    const app = id ? apps.get(id) : undefined;
    return app && secret !== null && sameSecret(secret, app.clientSecret) ? app : null;
  }

  function token(request: Request, form: URLSearchParams): Response {
    const app = authenticateClient(request, form, false);
    if (!app) return oauthError(401, "invalid_client", "Client authentication failed (HTTP Basic required)");
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") {
      const code = codes.get(form.get("code") ?? "");
      if (!code || code.clientId !== app.clientId)
        return oauthError(400, "invalid_grant", "The authorization code is invalid");
      if (code.used) return oauthError(400, "invalid_grant", "The authorization code was already used");
      if (code.expiresAt < Date.now()) return oauthError(400, "invalid_grant", "The authorization code expired");
      if (form.get("redirect_uri") !== code.redirectUri)
        return oauthError(400, "invalid_grant", "redirect_uri does not match the authorization request");
      const verifier = form.get("code_verifier");
      if (!verifier || s256(verifier) !== code.challenge)
        return oauthError(400, "invalid_grant", "PKCE verification failed");
      code.used = true;
      return issue(code);
    }
    if (grantType === "refresh_token") {
      const refresh = refreshTokens.get(form.get("refresh_token") ?? "");
      if (!refresh || refresh.clientId !== app.clientId || refresh.revoked)
        return oauthError(400, "invalid_grant", "The refresh token is invalid");
      if (refresh.used) return oauthError(400, "invalid_grant", "The refresh token was already used");
      refresh.used = true;
      return issue(refresh);
    }
    return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
  }

  function revoke(request: Request, form: URLSearchParams): Response {
    const app = authenticateClient(request, form, true);
    if (!app) return oauthError(401, "invalid_client", "Client authentication failed");
    const value = form.get("token");
    if (!value) return oauthError(400, "invalid_request", "token is required");
    revoked.push(value);
    const refresh = refreshTokens.get(value);
    if (refresh && refresh.clientId === app.clientId) {
      refresh.revoked = true;
      host.revokeAccessToken(refresh.accessToken);
    } else {
      host.revokeAccessToken(value);
    }
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  }

  /** Answers a request under /oauth/ (path without any base path). */
  async function handle(request: Request, path: string, basePath: string): Promise<Response> {
    const url = new URL(request.url);
    const text = request.method === "POST" ? await request.text() : "";
    const form = new URLSearchParams(text);
    host.log({
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: Object.fromEntries(form),
    });
    if (path === "/oauth/token" && request.method === "POST") tokenRequests++;
    const failure = failures.shift();
    if (failure === "timeout") {
      await new Promise<void>((resolve) => {
        if (request.signal.aborted) return resolve();
        request.signal.addEventListener("abort", () => resolve(), { once: true });
        setTimeout(resolve, 120_000).unref();
      });
      return oauthError(504, "temporarily_unavailable");
    }
    if (failure)
      return new Response(JSON.stringify(failure.body ?? { error: "server_error" }), {
        status: failure.status,
        headers: { "content-type": "application/json", ...failure.headers },
      });

    if (path === "/oauth/authorize" && request.method === "GET") {
      const parsed = parseAuthorize(url);
      if ("response" in parsed) return parsed.response;
      const ticket = randomUUID();
      pending.set(ticket, parsed.consent);
      return consentPage(ticket, parsed.consent, basePath);
    }
    if (path === "/oauth/authorize" && request.method === "POST") {
      const consent = pending.get(form.get("ticket") ?? "");
      if (!consent) return html(400, "Expired", "<h1>This authorization request expired</h1><p>Start again.</p>");
      pending.delete(form.get("ticket") ?? "");
      return new Response(null, { status: 303, headers: { location: decide(consent, form.get("decision") ?? "") } });
    }
    if (path === "/oauth/token" && request.method === "POST") return token(request, form);
    if (path === "/oauth/revoke" && request.method === "POST") return revoke(request, form);
    return oauthError(404, "not_found");
  }

  return {
    handle,
    /** Registers the OAuth application (client id and secret; optionally its allowed redirect URIs). */
    registerClient(app: FakeOAuthClientApp) {
      apps.set(app.clientId, app);
    },
    /** The Calendly user who consents on /oauth/authorize (default: the first account's user). */
    consentAs(userUri: string | null) {
      consentUser = userUri;
    },
    /** The next `count` authorization requests are declined by the user (error=access_denied). */
    denyNext(count = 1) {
      denials += count;
    },
    /**
     * What a browser does on the consent page: opens the authorization URL and presses Allow (or
     * Deny). Returns the URL Calendly redirects to (the callback with `code` and `state`, or `error`).
     */
    consent(authorizationUrl: string | URL, decision: "allow" | "deny" = "allow"): string {
      const parsed = parseAuthorize(new URL(authorizationUrl));
      if ("response" in parsed) {
        const location = parsed.response.headers.get("location");
        if (!location)
          throw new Error(`fake Calendly: the authorization request is refused (${parsed.response.status})`);
        return location;
      }
      return decide(parsed.consent, decision);
    },
    /** Lifetime of access tokens issued from now on (Calendly: 7200 s). */
    setAccessTokenTtl(seconds: number) {
      accessTokenTtlSeconds = seconds;
    },
    /** Makes every access token issued so far expire now: API calls with them get 401. */
    expireAccessTokens() {
      for (const refresh of refreshTokens.values()) host.expireAccessToken(refresh.accessToken);
    },
    /** The user removes the app in Calendly: every refresh token is revoked and every access token stops working. */
    revokeAll() {
      for (const refresh of refreshTokens.values()) {
        refresh.revoked = true;
        host.revokeAccessToken(refresh.accessToken);
      }
    },
    /** The next `count` requests to /oauth/* answer with `failure`. */
    failNext(count: number, failure: FakeFailure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    /** POST /oauth/token requests so far (every grant type, failed ones included). */
    get tokenRequests(): number {
      return tokenRequests;
    },
    /** Tokens sent to /oauth/revoke, in order. */
    get revoked(): string[] {
      return revoked;
    },
    /** Refresh tokens that still work (neither used nor revoked). */
    liveRefreshTokens(): string[] {
      return [...refreshTokens.entries()].filter(([, r]) => !r.used && !r.revoked).map(([t]) => t);
    },
    /** Scopes granted with a refresh token or its access token. */
    scopesOf(token: string): string[] | undefined {
      const direct = refreshTokens.get(token);
      const grant = direct ?? [...refreshTokens.values()].find((r) => r.accessToken === token);
      return grant ? [...grant.scopes] : undefined;
    },
    reset() {
      failures.length = 0;
      tokenRequests = 0;
      revoked.length = 0;
    },
  };
}

export type FakeOAuth = ReturnType<typeof createFakeOAuth>;
