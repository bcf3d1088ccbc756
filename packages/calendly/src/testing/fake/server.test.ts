// The fake over real HTTP: the client talks to it through node:http, and deliver() POSTs signed
// webhooks to a real callback server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createCalendlyClient } from "../../client/client.ts";
import { CalendlyApiError } from "../../client/errors.ts";
import { createCalendlyOAuthClient } from "../../client/oauth.ts";
import { parseCalendlyWebhook } from "../../webhooks/parse.ts";
import { CALENDLY_SIGNATURE_HEADER, verifyWebhookSignature } from "../../webhooks/signature.ts";
import { buildWebhookEnvelope } from "../builders.ts";
import { startFakeCalendlyServer } from "./server.ts";

let calendly: Awaited<ReturnType<typeof startFakeCalendlyServer>>;
let controlled: Awaited<ReturnType<typeof startFakeCalendlyServer>>;
let receiver: Server;
let receiverUrl: string;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  calendly = await startFakeCalendlyServer();
  controlled = await startFakeCalendlyServer({ control: true });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/calendly/ws_1`;
});

afterAll(async () => {
  await calendly.close();
  await controlled.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

it("serves the API over HTTP: subscribe, then deliver a signed webhook the verifier accepts", async () => {
  const { organizationUri, userUri } = calendly.fake.addAccount({ token: "tok-http" });
  calendly.fake.addEventType(userUri, { name: "Intro" });
  const client = createCalendlyClient({ token: "tok-http", baseUrl: calendly.url });

  expect((await client.getCurrentUser()).uri).toBe(userUri);
  expect((await client.listEventTypes({ user: userUri })).map((t) => t.name)).toEqual(["Intro"]);
  const sub = await client.createWebhookSubscription({
    url: receiverUrl,
    events: ["invitee.created", "invitee.canceled"],
    organization: organizationUri,
    scope: "organization",
    signingKey: "sk-http",
  });

  const envelope = buildWebhookEnvelope("invitee.created", { email: "lead@x.test" });
  const response = await calendly.fake.deliver(sub.uri, envelope);
  expect(response.status).toBe(200);
  const delivery = received.at(-1)!;
  const header = delivery.headers[CALENDLY_SIGNATURE_HEADER] as string;
  expect(() =>
    verifyWebhookSignature({ header, rawBody: delivery.body, signingKey: "sk-http", toleranceSeconds: 180 }),
  ).not.toThrow();
  const parsed = parseCalendlyWebhook(delivery.body);
  expect(parsed.ok && parsed.invitee?.email).toBe("lead@x.test");

  await client.deleteWebhookSubscription(sub.uri);
  expect(calendly.fake.subscriptions).toHaveLength(0);
});

it("answers errors, rate-limit headers and timeouts over HTTP like Calendly", async () => {
  const raw = await fetch(`${calendly.url}/users/me`, { headers: { authorization: "Bearer nobody" } });
  expect(raw.status).toBe(401);
  expect(await raw.json()).toEqual({ title: "Unauthenticated", message: "The access token is invalid" });
  expect(raw.headers.get("x-ratelimit-limit")).toBe("500");

  calendly.fake.addAccount({ token: "tok-slow" });
  calendly.fake.failNext(1, "timeout");
  const client = createCalendlyClient({ token: "tok-slow", baseUrl: calendly.url, timeoutMs: 100, maxRetries: 0 });
  const error = await client.getCurrentUser().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CalendlyApiError);
  expect((error as CalendlyApiError).kind).toBe("timeout");
  // The server keeps working after the abandoned request.
  expect((await client.getCurrentUser()).uri).toMatch(/\/users\//);
});

it("serves the OAuth server on the same origin: consent page, Allow, code exchange over plain HTTP", async () => {
  calendly.fake.oauth.registerClient({ clientId: "app-http", clientSecret: "app-secret" });
  const { userUri } = calendly.fake.addAccount({ token: "tok-consenting", user: { name: "Connie Consent" } });
  calendly.fake.oauth.consentAs(userUri);
  const oauth = createCalendlyOAuthClient({
    clientId: "app-http",
    clientSecret: "app-secret",
    authBaseUrl: calendly.url,
  });
  const state = oauth.createState();
  const pkce = await oauth.createPkce();
  const redirectUri = "http://127.0.0.1:9/callback";
  const url = oauth.authorizationUrl({ redirectUri, state, codeChallenge: pkce.challenge });

  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Connie Consent");
  expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)![1]!;
  const decided = await fetch(new URL("/oauth/authorize", calendly.url), {
    method: "POST",
    body: new URLSearchParams({ ticket, decision: "allow" }),
    redirect: "manual",
  });
  expect(decided.status).toBe(303);
  const callback = new URL(decided.headers.get("location")!);
  expect(callback.origin + callback.pathname).toBe(redirectUri);
  expect(callback.searchParams.get("state")).toBe(state);

  const tokens = await oauth.exchangeCode({
    callbackParams: callback.searchParams,
    expectedState: state,
    redirectUri,
    codeVerifier: pkce.verifier,
  });
  const me = await createCalendlyClient({ token: tokens.accessToken, baseUrl: calendly.url }).getCurrentUser();
  expect(me.uri).toBe(userUri);
  await oauth.revoke(tokens.refreshToken);
  await expect(oauth.refresh(tokens.refreshToken)).rejects.toMatchObject({ kind: "invalid_grant" });
});

it("offers /__fake/ controls only when asked: disable a hook, add a booking that is never delivered", async () => {
  const post = (server: { url: string }, path: string, body: unknown) =>
    fetch(`${server.url}/__fake/${path}`, { method: "POST", body: JSON.stringify(body) });
  expect((await post(calendly, "subscriptions/disable", { callbackUrlEndsWith: "/x" })).status).toBe(401);

  const { organizationUri, user } = controlled.fake.addAccount({ token: "tok-ctl", user: { email: "host@ctl.test" } });
  const client = createCalendlyClient({ token: "tok-ctl", baseUrl: controlled.url });
  const sub = await client.createWebhookSubscription({
    url: "https://hooks.test/webhooks/calendly/ws_ctl",
    events: ["invitee.created"],
    organization: organizationUri,
    scope: "organization",
    signingKey: "k",
  });
  const disabled = await post(controlled, "subscriptions/disable", {
    callbackUrlEndsWith: "/webhooks/calendly/ws_ctl",
  });
  expect(await disabled.json()).toEqual({ disabled: [sub.uri] });
  expect((await client.getWebhookSubscription(sub.uri)).state).toBe("disabled");
  expect((await post(controlled, "subscriptions/disable", { callbackUrlEndsWith: "/nope" })).status).toBe(404);

  const added = await post(controlled, "scheduled_events", {
    hostEmail: "host@ctl.test",
    start_time: "2030-01-02T10:00:00Z",
    invitees: [{ email: "lead@ctl.test", name: "Lead" }],
  });
  expect(added.status).toBe(201);
  const events = await client.listScheduledEvents({ user: user.uri });
  expect(events.map((e) => e.start_time)).toEqual(["2030-01-02T10:00:00.000Z"]);
  expect((await client.listEventInvitees(events[0]!.uri))[0]).toMatchObject({ email: "lead@ctl.test" });
});
