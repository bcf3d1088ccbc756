// The OAuth client against the fake's OAuth server over msw: authorization URL, PKCE, code
// exchange with HTTP Basic, single-use refresh tokens, revocation, and each way it can fail.
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { createFakeCalendly, type FakeCalendly } from "../testing/fake/fake.ts";
import { calendlyHandlers } from "../testing/fake/msw.ts";
import { createCalendlyClient } from "./client.ts";
import { CALENDLY_OAUTH_SCOPES, CalendlyOAuthError, createCalendlyOAuthClient } from "./oauth.ts";

const AUTH = "https://auth.calendly.com";
const REDIRECT = "https://crm.test/api/integrations/calendly/oauth/callback";
const APP = { clientId: "client-123", clientSecret: "secret-456" };

let fake: FakeCalendly;
const server = setupServer(
  ...calendlyHandlers(
    { handle: (r: Request, o?: { basePath?: string }) => fake.handle(r, o) } as FakeCalendly,
    undefined,
    AUTH,
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

let userUri: string;
beforeEach(() => {
  fake = createFakeCalendly();
  fake.oauth.registerClient({ ...APP, redirectUris: [REDIRECT] });
  userUri = fake.addAccount({ token: "pat-of-the-owner", user: { name: "Olive Owner" } }).userUri;
});

const oauth = () => createCalendlyOAuthClient({ ...APP, authBaseUrl: AUTH });

async function authorize(scopes?: readonly string[]) {
  const client = oauth();
  const state = client.createState();
  const pkce = await client.createPkce();
  const url = client.authorizationUrl({
    redirectUri: REDIRECT,
    state,
    codeChallenge: pkce.challenge,
    ...(scopes ? { scopes } : {}),
  });
  return { client, state, pkce, url };
}

async function connect() {
  const { client, state, pkce, url } = await authorize();
  const callback = new URL(fake.oauth.consent(url));
  return client.exchangeCode({
    callbackParams: callback.searchParams,
    expectedState: state,
    redirectUri: REDIRECT,
    codeVerifier: pkce.verifier,
  });
}

it("builds the authorization URL with client_id, code, redirect_uri, state, S256 PKCE and the scopes", async () => {
  const { state, pkce, url } = await authorize();
  expect(url.origin + url.pathname).toBe(`${AUTH}/oauth/authorize`);
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_id: APP.clientId,
    response_type: "code",
    redirect_uri: REDIRECT,
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: "S256",
    scope: CALENDLY_OAUTH_SCOPES.join(" "),
  });
  expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  expect(pkce.challenge).not.toBe(pkce.verifier);
});

it("exchanges the code with HTTP Basic client auth and PKCE; the access token works with the granted scopes", async () => {
  const tokens = await connect();
  expect(tokens).toMatchObject({
    accessToken: expect.stringMatching(/^fake-oauth-access-/),
    refreshToken: expect.stringMatching(/^fake-oauth-refresh-/),
    expiresInSeconds: 7200,
    scopes: [...CALENDLY_OAUTH_SCOPES],
    owner: userUri,
    organization: expect.stringMatching(/\/organizations\//),
  });
  const tokenRequest = fake.requests.find((r) => r.path === "/oauth/token")!;
  expect(tokenRequest.body).toMatchObject({ grant_type: "authorization_code", code_verifier: expect.any(String) });
  expect(tokenRequest.body).not.toHaveProperty("client_secret");
  const me = await createCalendlyClient({ token: tokens.accessToken }).getCurrentUser();
  expect(me.uri).toBe(userUri);
});

it("refresh tokens rotate and are single use: a reused one is invalid_grant", async () => {
  const first = await connect();
  const second = await oauth().refresh(first.refreshToken);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  expect(fake.oauth.liveRefreshTokens()).toEqual([second.refreshToken]);
  const reuse = await oauth()
    .refresh(first.refreshToken)
    .catch((e: unknown) => e);
  expect(reuse).toBeInstanceOf(CalendlyOAuthError);
  expect(reuse).toMatchObject({ kind: "invalid_grant", status: 400, oauthError: "invalid_grant" });
  expect(fake.oauth.tokenRequests).toBe(3);
});

it("a code is single use, and a wrong PKCE verifier is refused", async () => {
  const { client, state, pkce, url } = await authorize();
  const params = new URL(fake.oauth.consent(url)).searchParams;
  const wrong = await client
    .exchangeCode({ callbackParams: params, expectedState: state, redirectUri: REDIRECT, codeVerifier: "x".repeat(43) })
    .catch((e: unknown) => e);
  expect(wrong).toMatchObject({ kind: "invalid_grant" });
  await client.exchangeCode({
    callbackParams: params,
    expectedState: state,
    redirectUri: REDIRECT,
    codeVerifier: pkce.verifier,
  });
  const again = await client
    .exchangeCode({ callbackParams: params, expectedState: state, redirectUri: REDIRECT, codeVerifier: pkce.verifier })
    .catch((e: unknown) => e);
  expect(again).toMatchObject({ kind: "invalid_grant" });
});

it("reports a denied consent as access_denied and a state mismatch before any token request", async () => {
  fake.oauth.denyNext();
  const { client, state, pkce, url } = await authorize();
  const denied = new URL(fake.oauth.consent(url));
  expect(denied.searchParams.get("error")).toBe("access_denied");
  const error = await client
    .exchangeCode({
      callbackParams: denied.searchParams,
      expectedState: state,
      redirectUri: REDIRECT,
      codeVerifier: pkce.verifier,
    })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: "access_denied" });

  const other = await authorize();
  const callback = new URL(fake.oauth.consent(other.url));
  const mismatch = await other.client
    .exchangeCode({
      callbackParams: callback.searchParams,
      expectedState: "another-state",
      redirectUri: REDIRECT,
      codeVerifier: other.pkce.verifier,
    })
    .catch((e: unknown) => e);
  expect(mismatch).toBeInstanceOf(CalendlyOAuthError);
  expect(fake.oauth.tokenRequests).toBe(0);
});

it("maps a 500, a non-JSON answer and wrong client credentials", async () => {
  const first = await connect();
  fake.oauth.failNext(1, { status: 500 });
  await expect(oauth().refresh(first.refreshToken)).rejects.toMatchObject({ kind: "unavailable", status: 500 });
  server.use(http.post(`${AUTH}/oauth/token`, () => new HttpResponse("<html>oops</html>", { status: 502 })));
  await expect(oauth().refresh(first.refreshToken)).rejects.toMatchObject({ kind: "unavailable", status: 502 });
  server.resetHandlers();
  const bad = createCalendlyOAuthClient({ ...APP, clientSecret: "wrong", authBaseUrl: AUTH });
  await expect(bad.refresh(first.refreshToken)).rejects.toMatchObject({ kind: "invalid_client" });
  // None of the failures consumed the refresh token.
  await expect(oauth().refresh(first.refreshToken)).resolves.toMatchObject({ accessToken: expect.any(String) });
});

it("revokes a refresh token (and its access token) with the client credentials in the body", async () => {
  const tokens = await connect();
  await oauth().revoke(tokens.refreshToken);
  const revoke = fake.requests.find((r) => r.path === "/oauth/revoke")!;
  expect(revoke.body).toMatchObject({
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
    token: tokens.refreshToken,
  });
  expect(fake.oauth.revoked).toEqual([tokens.refreshToken]);
  await expect(createCalendlyClient({ token: tokens.accessToken }).getCurrentUser()).rejects.toMatchObject({
    kind: "unauthorized",
  });
  await expect(oauth().refresh(tokens.refreshToken)).rejects.toMatchObject({ kind: "invalid_grant" });
});

it("access tokens expire after the lifetime a test sets", async () => {
  fake.oauth.setAccessTokenTtl(3600);
  const tokens = await connect();
  expect(tokens.expiresInSeconds).toBe(3600);
  fake.oauth.expireAccessTokens();
  await expect(
    createCalendlyClient({ token: tokens.accessToken, maxRetries: 0 }).getCurrentUser(),
  ).rejects.toMatchObject({ kind: "unauthorized" });
});

it("grants only the requested scopes", async () => {
  const { client, state, pkce, url } = await authorize(["users:read"]);
  const callback = new URL(fake.oauth.consent(url));
  const tokens = await client.exchangeCode({
    callbackParams: callback.searchParams,
    expectedState: state,
    redirectUri: REDIRECT,
    codeVerifier: pkce.verifier,
  });
  expect(tokens.scopes).toEqual(["users:read"]);
  const error = await createCalendlyClient({ token: tokens.accessToken })
    .listOrganizationMemberships({ user: userUri })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: "forbidden_scope", requiredScopes: ["organizations:read"] });
});

it("revokeAll: the user removed the app in Calendly (every OAuth token is refused)", async () => {
  const tokens = await connect();
  fake.oauth.revokeAll();
  await expect(createCalendlyClient({ token: tokens.accessToken }).getCurrentUser()).rejects.toMatchObject({
    kind: "unauthorized",
  });
  await expect(oauth().refresh(tokens.refreshToken)).rejects.toMatchObject({ kind: "invalid_grant" });
  expect(fake.oauth.liveRefreshTokens()).toEqual([]);
});
