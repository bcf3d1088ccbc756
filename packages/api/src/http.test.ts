// A typed client calling the running server over real HTTP: createTRPCClient<AppRouter> +
// httpBatchLink + superjson, authenticated with the INTERNAL_API_TOKEN bearer or a session cookie.

import { createCalendlyClientFactory } from "@booking/calendly";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { serveFetch } from "./http/serve-fetch.ts";
import type { AppRouter } from "./index.ts";
import { createAuth, createAuthHandler, createFetchHandler, createSignInThrottle } from "./index.ts";
import {
  CALENDLY_BASE_URL,
  createHarness,
  type Harness,
  PUBLIC_WEBHOOK_BASE_URL,
  seedWorkspace,
} from "./testing/harness.ts";

const INTERNAL_API_TOKEN = "internal-token-0123456789abcdef";

let h: Harness;
let server: { url: string; close(): Promise<void> };
let auth: ReturnType<typeof createAuth>;
let throttle: ReturnType<typeof createSignInThrottle>;

beforeAll(async () => {
  h = await createHarness();
  let handler: (req: Request) => Promise<Response> = async () => new Response("starting", { status: 503 });
  server = await serveFetch((req) => handler(req));
  auth = createAuth({ db: h.db, secret: "test-secret-test-secret-test-secret-0123", baseURL: server.url });
  const trpc = createFetchHandler({
    db: h.db,
    secrets: h.secrets,
    calendlyFor: createCalendlyClientFactory({ baseUrl: CALENDLY_BASE_URL, sleep: async () => {} }),
    auth,
    env: { publicWebhookBaseUrl: PUBLIC_WEBHOOK_BASE_URL, internalApiToken: INTERNAL_API_TOKEN, appUrl: server.url },
  });
  throttle = createSignInThrottle(h.database.url);
  const authHandler = createAuthHandler({
    auth,
    throttle,
    secret: "test-secret-test-secret-test-secret-0123",
    trustProxyHops: 0,
  });
  handler = (req) => (new URL(req.url).pathname.startsWith("/api/auth/") ? authHandler(req) : trpc(req));
});
afterAll(async () => {
  await server.close();
  await throttle.close();
  await h.close();
});

/**
 * jest runs tests in a VM realm while Node's fetch parses JSON in the main realm, so superjson
 * (which only walks plain objects of its own realm) would leave dates as strings. Re-parse here;
 * browsers and the Next server have a single realm and need nothing like this.
 */
const realmFetch = async (url: string | URL | Request, init?: RequestInit) => {
  const res = await fetch(url, init);
  const text = await res.text();
  return {
    ok: res.ok,
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
    url: res.url,
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  } as unknown as Response;
};

function client(headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${server.url}/api/trpc`,
        transformer: superjson,
        headers: () => headers,
        fetch: realmFetch,
      }),
    ],
  });
}

const internal = () => client({ authorization: `Bearer ${INTERNAL_API_TOKEN}` });

describe("typed client over HTTP", () => {
  it("creates and lists workspaces as a platform admin (bearer INTERNAL_API_TOKEN)", async () => {
    const api = internal();
    const created = await api.workspaces.create.mutate({ name: "Http Co", adminEmails: ["Owner@Http.test"] });
    expect(created.members).toEqual([
      expect.objectContaining({
        email: "owner@http.test",
        role: "ADMIN",
        inviteUrl: expect.stringContaining("/invite/"),
      }),
    ]);
    const [list, me] = await Promise.all([api.workspaces.list.query(), api.session.me.query()]); // one batched request
    expect(list.map((w) => w.id)).toContain(created.id);
    expect(me?.isPlatformAdmin).toBe(true);

    const view = await api.integrations.calendly.get.query({ workspaceId: created.id });
    expect(view.webhookUrl).toBe(`${PUBLIC_WEBHOOK_BASE_URL}/webhooks/calendly/${created.id}`);
    expect(view.subscription.state).toBe("missing");
  });

  it("carries dates through superjson", async () => {
    const api = internal();
    const ws = await seedWorkspace(h.db);
    const lead = await api.leads.create.mutate({ workspaceId: ws, name: "Date Person", email: "date@example.com" });
    expect(lead.createdAt).toBeInstanceOf(Date);
    const page = await api.leads.list.query({ workspaceId: ws });
    expect(page.items[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("reports field errors in error.data.fieldErrors with the TRPC code", async () => {
    const ws = await seedWorkspace(h.db);
    const err = await internal()
      .leads.create.mutate({ workspaceId: ws, name: "", email: "bad" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    const data = (err as TRPCClientError<AppRouter>).data!;
    expect(data.code).toBe("BAD_REQUEST");
    expect(data.httpStatus).toBe(400);
    expect(Object.keys(data.fieldErrors ?? {}).sort()).toEqual(["email", "name"]);

    const enable = await internal()
      .integrations.calendly.update.mutate({ workspaceId: ws, enabled: true })
      .catch((e: unknown) => e);
    const d2 = (enable as TRPCClientError<AppRouter>).data!;
    expect(d2.code).toBe("PRECONDITION_FAILED");
    expect(d2.fieldErrors).toHaveProperty("token");
    expect(d2.fieldErrors).toHaveProperty("eventTypeLink");
  });

  it("answers 401 UNAUTHORIZED for a wrong bearer instead of treating it as anonymous", async () => {
    const err = await client({ authorization: "Bearer wrong-token-wrong-token" })
      .session.me.query()
      .catch((e: unknown) => e);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe("UNAUTHORIZED");
    await expect(client().session.me.query()).resolves.toBeNull();
    const anon = await client()
      .workspaces.list.query()
      .catch((e: unknown) => e);
    expect((anon as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
  });

  it("creates an account only from an invitation; the session cookie reaches only that member's workspaces", async () => {
    const mine = await seedWorkspace(h.db, { name: "Cookie Mine", members: [["owner@cookie.test", "ADMIN"]] });
    const theirs = await seedWorkspace(h.db, { name: "Cookie Theirs" });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, ...headers },
        body: JSON.stringify(body),
      });

    const owner = client({ authorization: `Bearer ${INTERNAL_API_TOKEN}` });
    const invite = await owner.members.invite.mutate({
      workspaceId: mine,
      email: "Member@Cookie.test",
      role: "SETTER",
    });
    const token = invite.url.split("/invite/")[1]!;
    // Sign-up stays closed for the invited email too: only the link creates the account.
    const signUp = await post("/sign-up/email", {
      email: "member@cookie.test",
      password: "long-password-1",
      name: "M",
    });
    expect(signUp.status).toBe(403);
    const anonymous = client({ origin: server.url });
    await expect(anonymous.members.invitation.query({ token })).resolves.toMatchObject({
      email: "member@cookie.test",
      role: "SETTER",
      status: "pending",
      hasAccount: false,
    });
    await anonymous.members.acceptNew.mutate({ token, name: "Member", password: "long-password-1" });

    const signIn = await post("/sign-in/email", { email: "member@cookie.test", password: "long-password-1" });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toContain("session_token");

    const api = client({ cookie, origin: server.url });
    await expect(api.session.me.query()).resolves.toEqual({
      email: "member@cookie.test",
      name: "Member",
      isPlatformAdmin: false,
    });
    const list = await api.workspaces.list.query();
    expect(list.map((w) => w.id)).toEqual([mine]);
    const err = await api.settings.get.query({ workspaceId: theirs }).catch((e: unknown) => e);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe("NOT_FOUND");
    const wrongPassword = await post("/sign-in/email", { email: "member@cookie.test", password: "nope-nope-nope" });
    expect(wrongPassword.status).toBe(401);

    // The same cookie from another origin may read (CORS keeps the answer from the page) but not change anything.
    const forged = await client({ cookie, origin: "http://evil.example" })
      .leads.create.mutate({ workspaceId: mine, name: "Forged", email: "forged@x.test" })
      .catch((e: unknown) => e);
    expect((forged as TRPCClientError<AppRouter>).data?.httpStatus).toBe(403);
    expect(await h.db.lead.count({ where: { email: "forged@x.test" } })).toBe(0);
  });
});
