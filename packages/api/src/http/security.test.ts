// The security probe's findings, reproduced over real HTTP against the handlers the web app mounts
// (better-auth behind our auth handler, the tRPC handler, the admin route) on a real PostgreSQL.
import { createCalendlyClientFactory } from "@booking/calendly";
import { createDb } from "@booking/db";
import superjson from "superjson";
import { createAuthHandler } from "../auth/auth-handler.ts";
import { createAuth } from "../auth/create-auth.ts";
import { createSignInThrottle, type SignInPolicy, type SignInThrottle } from "../auth/sign-in-throttle.ts";
import {
  CALENDLY_BASE_URL,
  createAccount as createAccountIn,
  createHarness,
  type Harness,
  PUBLIC_WEBHOOK_BASE_URL,
  seedWorkspace,
} from "../testing/harness.ts";
import { createAdminWorkspacesHandler } from "./admin-workspaces.ts";
import { createFetchHandler } from "./fetch-handler.ts";
import { serveFetch } from "./serve-fetch.ts";

const SECRET = "security-test-secret-security-test-0123";
const INTERNAL = "internal-token-0123456789abcdef";
const ADMIN = "admin-token-0123456789abcdef";
const POLICY: SignInPolicy = {
  client: { failures: 6, windowSeconds: 60 },
  account: { failures: 3, windowSeconds: 60 },
  device: { failures: 3, windowSeconds: 60 },
  blockSeconds: 3,
  maxBlockSeconds: 12,
  strikeWindowSeconds: 60,
};

let h: Harness;
let server: { url: string; close(): Promise<void> };
let proxied: { url: string; close(): Promise<void> };
let throttle: SignInThrottle;

beforeAll(async () => {
  h = await createHarness();
  let handler: (req: Request) => Promise<Response> = async () => new Response("starting", { status: 503 });
  let behindProxy: (req: Request) => Promise<Response> = handler;
  server = await serveFetch((req) => handler(req));
  proxied = await serveFetch((req) => behindProxy(req));
  const auth = createAuth({ db: h.db, secret: SECRET, baseURL: server.url, trustedOrigins: [proxied.url] });
  throttle = createSignInThrottle(h.database.url, POLICY);
  const trpc = createFetchHandler({
    db: h.db,
    secrets: h.secrets,
    calendlyFor: createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL, sleep: async () => {} }),
    auth,
    env: { publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL, internalApiToken: INTERNAL, appUrl: server.url },
    onError: () => {},
  });
  const admin = createAdminWorkspacesHandler({ db: h.db, adminApiToken: ADMIN, appUrl: server.url });
  const route = (authHandler: (req: Request) => Promise<Response>) => (req: Request) => {
    const path = new URL(req.url).pathname;
    if (path.startsWith("/api/auth/")) return authHandler(req);
    if (path === "/api/admin/workspaces") return admin(req);
    return trpc(req);
  };
  handler = route(createAuthHandler({ auth, throttle, secret: SECRET, trustProxyHops: 0 }));
  // The same app behind one trusted proxy (TRUST_PROXY=1): X-Forwarded-For's last entry is the client.
  behindProxy = route(createAuthHandler({ auth, throttle, secret: SECRET, trustProxyHops: 1 }));
});
afterAll(async () => {
  await server.close();
  await proxied.close();
  await throttle.close();
  await h.close();
});

const createAccount = (email: string, password: string, workspaceId?: string) =>
  createAccountIn(h.db, email, password, workspaceId);

const signIn = (base: string, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...headers },
    body: JSON.stringify({ email, password }),
  });

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`));

const trpcPost = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${INTERNAL}`, ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });

describe("finding 1: sign-up is closed, and says nothing about an email", () => {
  it("answers unknown, invited and registered emails identically (status, body, similar timing)", async () => {
    const ws = await seedWorkspace(h.db);
    await h.platform().members.invite({ workspaceId: ws, email: "invited@signup.test", role: "ADMIN" });
    await createAccount("registered@signup.test", "registered-password", ws);
    const answers: Array<{ status: number; body: string; ms: number }> = [];
    for (const email of ["unknown@signup.test", "invited@signup.test", "registered@signup.test"]) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ email, password: "long-password-1", name: "Someone" }),
      });
      answers.push({ status: res.status, body: await res.text(), ms: performance.now() - started });
    }
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(JSON.parse(answers[0]!.body)).toMatchObject({ code: "SIGN_UP_CLOSED" });
    // Nothing is looked up: no answer takes a database round trip longer than another.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(250);
    expect(await h.db.user.count({ where: { email: { in: ["unknown@signup.test", "invited@signup.test"] } } })).toBe(0);
  });

  it("better-auth itself refuses to create users even if the guard were bypassed", async () => {
    const auth = createAuth({ db: h.db, secret: SECRET, baseURL: server.url });
    const res = await auth.handler(
      new Request(`${server.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ email: "bypass@signup.test", password: "long-password-1", name: "B" }),
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await h.db.user.count({ where: { email: "bypass@signup.test" } })).toBe(0);
  });
});

describe("finding 2: sign-in throttling per account and per client address", () => {
  it("throttles an account guessed from many forwarded addresses; its owner's known browser still gets in", async () => {
    const ws = await seedWorkspace(h.db);
    await createAccount("victim@throttle.test", "right-password-1", ws);
    // The owner signed in from this browser before: it holds the device cookie.
    const before = await signIn(proxied.url, "victim@throttle.test", "right-password-1", {
      "x-forwarded-for": "198.51.100.7",
    });
    expect(before.status).toBe(200);
    const device = cookieOf(before, "booking_device")!;
    expect(device).toBeDefined();

    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await signIn(proxied.url, "victim@throttle.test", `wrong-${i}`, {
        "x-forwarded-for": `203.0.113.${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 429, 429]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
    // The right password from yet another address is refused while the account is locked…
    const locked = await signIn(proxied.url, "victim@throttle.test", "right-password-1", {
      "x-forwarded-for": "192.0.2.99",
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    // …while the owner's browser (device cookie) is not locked out by someone else's guesses.
    const owner = await signIn(proxied.url, "victim@throttle.test", "right-password-1", {
      "x-forwarded-for": "198.51.100.7",
      cookie: device,
    });
    expect(owner.status).toBe(200);
    // After the back-off the right password works from anywhere again.
    await new Promise((r) => setTimeout(r, 3_100));
    const later = await signIn(proxied.url, "victim@throttle.test", "right-password-1", {
      "x-forwarded-for": "192.0.2.99",
    });
    expect(later.status).toBe(200);
  });

  it("ignores X-Forwarded-For without TRUST_PROXY: spoofed addresses share the real client's bucket", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await signIn(server.url, `nobody${i}@spoof.test`, "wrong-password", {
        "x-forwarded-for": `10.9.8.${i}`,
      });
      statuses.push(res.status);
    }
    // 6 failures from this client address (whatever the header says), then it is blocked.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // One client's failures lock out neither another client nor another account.
    const ws = await seedWorkspace(h.db);
    await createAccount("bystander@spoof.test", "bystander-password", ws);
    const other = await signIn(proxied.url, "bystander@spoof.test", "bystander-password", {
      "x-forwarded-for": "192.0.2.50",
    });
    expect(other.status).toBe(200);
  });

  it("blocks longer each time a key is blocked again (back-off)", async () => {
    const waits: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3; i++)
        await signIn(proxied.url, "backoff@throttle.test", "wrong", { "x-forwarded-for": `198.18.${round}.${i}` });
      const res = await signIn(proxied.url, "backoff@throttle.test", "wrong", { "x-forwarded-for": "198.18.9.9" });
      expect(res.status).toBe(429);
      waits.push(Number(res.headers.get("retry-after")));
      if (round === 0) await new Promise((r) => setTimeout(r, waits[0]! * 1000 + 100));
    }
    expect(waits).toEqual([3, 6]);
  });
});

describe("finding 4: body cap, batch limit, pool exhaustion", () => {
  it("answers a 2 MiB body with 413 PAYLOAD_TOO_LARGE, declared or streamed", async () => {
    const ws = await seedWorkspace(h.db);
    const big = await trpcPost("leads.create", {
      workspaceId: ws,
      name: "x".repeat(2 * 1024 * 1024),
      email: "big@x.test",
    });
    expect(big.status).toBe(413);
    expect(JSON.stringify(await big.json())).toContain("PAYLOAD_TOO_LARGE");

    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 1024) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/api/trpc/leads.create`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${INTERNAL}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(1024); // the server stopped reading long before the 64 MiB were sent
  });

  it("refuses batches over 20 calls with 400, and serves 20", async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "session.me").join(",");
      return fetch(`${server.url}/api/trpc/${paths}?batch=1`, { headers: { authorization: `Bearer ${INTERNAL}` } });
    };
    const tooMany = await batch(1000);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("Batch call exceeds maximum size");
    expect((await batch(20)).status).toBe(200);
  });

  it("answers database pool exhaustion with 503 SERVICE_UNAVAILABLE and Retry-After, never 500", async () => {
    const db = createDb({ url: h.database.url, max: 1, connectionTimeoutMillis: 200 });
    const trpc = createFetchHandler({
      db,
      secrets: h.secrets,
      calendlyFor: createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL }),
      env: { publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL, internalApiToken: INTERNAL },
      onError: () => {},
    });
    const ws = await seedWorkspace(h.db);
    const holding = db.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(1.5)`, { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 100));
    const res = await trpc(
      new Request(
        `http://app.test/api/trpc/settings.get?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ workspaceId: ws })))}`,
        {
          headers: { authorization: `Bearer ${INTERNAL}` },
        },
      ),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.text()).toContain("SERVICE_UNAVAILABLE");
    await holding;
    await db.$disconnect();
  });
});

describe("finding 5: NUL and lone surrogates are field errors over HTTP", () => {
  it("answers 400 with a field error (tRPC and the admin route)", async () => {
    const ws = await seedWorkspace(h.db);
    const res = await trpcPost("leads.create", { workspaceId: ws, name: "nul \u0000 byte", email: "nul@x.test" });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: Parameters<typeof superjson.deserialize>[0] };
    const body = superjson.deserialize(error) as { data: { fieldErrors: Record<string, string[]> } };
    expect(body.data.fieldErrors.name).toEqual(["Must not contain NUL characters or unpaired surrogates"]);
    const admin = await fetch(`${server.url}/api/admin/workspaces`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "nul \u0000 ws" }),
    });
    expect(admin.status).toBe(400);
    const adminBody = (await admin.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(adminBody.error.fieldErrors.name).toBeDefined();
  });
});

describe("finding 7: cross-origin mutations", () => {
  it("refuses a cookie-authenticated POST from another origin with 403; bearer callers need no Origin", async () => {
    const ws = await seedWorkspace(h.db);
    await createAccount("origin@x.test", "origin-password", ws);
    const signedIn = await signIn(proxied.url, "origin@x.test", "origin-password", { "x-forwarded-for": "192.0.2.77" });
    const cookie = cookieOf(signedIn, "better-auth.session_token")!;
    const create = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/trpc/leads.create`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...headers },
        body: JSON.stringify(superjson.serialize({ workspaceId: ws, name: "CSRF", email: "csrf@x.test" })),
      });
    expect((await create({ origin: "http://evil.example" })).status).toBe(403);
    expect((await create({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await h.db.lead.count({ where: { email: "csrf@x.test" } })).toBe(0);
    expect((await create({ origin: server.url })).status).toBe(200);
    const bearer = await trpcPost("leads.create", { workspaceId: ws, name: "Internal", email: "internal@x.test" });
    expect(bearer.status).toBe(200);
  });
});

describe("provisioning returns invitation links", () => {
  it("answers 201 with each member's link, which works once", async () => {
    const res = await fetch(`${server.url}/api/admin/workspaces`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Linked Co", setterEmails: ["sam@linked.test"], adminEmails: ["al@linked.test"] }),
    });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as {
      data: { id: string; members: Array<{ email: string; inviteUrl: string }> };
    };
    expect(data.members.map((m) => m.email)).toEqual(["al@linked.test", "sam@linked.test"]);
    for (const m of data.members) expect(m.inviteUrl).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{43}$`));
    expect(await h.db.clientMember.count({ where: { clientId: data.id } })).toBe(0);
    const tokens = await h.db.invitation.findMany({ where: { clientId: data.id }, select: { tokenHash: true } });
    for (const m of data.members)
      expect(tokens.map((t) => t.tokenHash)).not.toContain(m.inviteUrl.split("/invite/")[1]);
  });

  it("answers an oversized body with 413", async () => {
    const res = await fetch(`${server.url}/api/admin/workspaces`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});
