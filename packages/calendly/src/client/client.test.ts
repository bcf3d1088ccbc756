// The client against the fake Calendly through msw (this doubles as the fake's integration test).
import { setupServer } from "msw/node";
import { CALENDLY_INVITEE_EVENTS } from "../events.ts";
import { calendlyHandlers, createFakeCalendly, type FakeCalendly } from "../testing/index.ts";
import { type CalendlyClientOptions, createCalendlyClient, createCalendlyClientFactory } from "./client.ts";
import { failureOf, kindOf } from "./test-utils.ts";

const BASE = "https://calendly.test/api";
let fake: FakeCalendly;
const server = setupServer();
let sleeps: number[];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  fake = createFakeCalendly();
  server.resetHandlers(...calendlyHandlers(fake, BASE));
  sleeps = [];
});

function client(token: string, over: Partial<CalendlyClientOptions> = {}) {
  return createCalendlyClient({
    token,
    baseUrl: BASE,
    sleep: async (ms) => void sleeps.push(ms),
    ...over,
  });
}

const WEBHOOK_URL = "https://hooks.example.test/webhooks/calendly/ws_1";

describe("getCurrentUser", () => {
  it("returns /users/me with the organization, sending the bearer token to the configured base URL", async () => {
    const { userUri, organizationUri } = fake.addAccount({
      token: "tok-1",
      user: { name: "Ada Admin", email: "ada@acme.test" },
    });
    const me = await client("tok-1").getCurrentUser();
    expect(me).toMatchObject({
      uri: userUri,
      name: "Ada Admin",
      email: "ada@acme.test",
      current_organization: organizationUri,
    });
    expect(me.resource_type).toBe("User"); // unknown keys are kept
    expect(fake.requests).toEqual([{ method: "GET", path: "/users/me", query: {}, body: undefined, token: "tok-1" }]);
  });

  it("maps a revoked token (401) to unauthorized with an actionable message, without retrying", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.revokeToken("tok-1");
    const error = await failureOf(client("tok-1").getCurrentUser());
    expect(error.kind).toBe("unauthorized");
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      "Calendly rejected the access token (revoked or expired): create a new personal access token",
    );
    expect(fake.requests).toHaveLength(1);
  });

  it("maps a missing users:read scope to forbidden_scope naming the scope", async () => {
    fake.addAccount({ token: "tok-1", scopes: ["webhooks:write"] });
    const error = await failureOf(client("tok-1").getCurrentUser());
    expect(error.kind).toBe("forbidden_scope");
    expect(error.requiredScopes).toEqual(["users:read"]);
    expect(error.message).toMatch(/The token lacks the scopes: users:read/);
  });

  it("rejects an empty or multi-line token before any request", async () => {
    expect(await kindOf(client("").getCurrentUser())).toBe("unauthorized");
    expect(await kindOf(client("abc\ndef").getCurrentUser())).toBe("unauthorized");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("event types", () => {
  it("follows pagination to the end: 250 event types in 3 pages of 100", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    for (let i = 0; i < 250; i++) fake.addEventType(userUri, { name: `Type ${String(i).padStart(3, "0")}` });
    const types = await client("tok-1").listEventTypes({ user: userUri });
    expect(types).toHaveLength(250);
    expect(new Set(types.map((t) => t.uri)).size).toBe(250);
    expect(types[0]?.name).toBe("Type 000");
    expect(types[249]?.name).toBe("Type 249");
    expect(fake.requests.map((r) => [r.path, r.query.count, r.query.user, r.query.page_token !== undefined])).toEqual([
      ["/event_types", "100", userUri, false],
      ["/event_types", "100", userUri, true],
      ["/event_types", "100", userUri, true],
    ]);
  });

  it("filters on active and organization", async () => {
    const { userUri, organizationUri } = fake.addAccount({ token: "tok-1" });
    fake.addEventType(userUri, { name: "On", active: true });
    fake.addEventType(userUri, { name: "Off", active: false });
    const types = await client("tok-1").listEventTypes({ organization: organizationUri, active: true });
    expect(types.map((t) => t.name)).toEqual(["On"]);
    expect(fake.requests[0]?.query).toEqual({ organization: organizationUri, active: "true", count: "100" });
  });

  it("gets one event type by its URI, whatever host the URI names", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    const created = fake.addEventType(userUri, { name: "Discovery", duration: 45 });
    const got = await client("tok-1").getEventType(created.uri);
    expect(got).toMatchObject({ uri: created.uri, name: "Discovery", duration: 45, active: true });
    expect(fake.requests[0]?.path).toMatch(/^\/event_types\/[0-9a-f-]{36}$/);
  });

  it("404 on an unknown event type is not_found; a non-URI is rejected before any request", async () => {
    fake.addAccount({ token: "tok-1" });
    expect(await kindOf(client("tok-1").getEventType("https://api.calendly.com/event_types/does-not-exist"))).toBe(
      "not_found",
    );
    expect(await kindOf(client("tok-1").getEventType("https://api.calendly.com/users/x"))).toBe("invalid_request");
    expect(await kindOf(client("tok-1").getEventType("../../users/me"))).toBe("invalid_request");
    expect(fake.requests).toHaveLength(1);
  });

  it("needs a user or organization", async () => {
    expect(await kindOf(client("tok-1").listEventTypes({}))).toBe("invalid_request");
  });
});

describe("webhook subscriptions", () => {
  it("creates, lists, gets and deletes a subscription with the body openapi.yaml describes", async () => {
    const { organizationUri, userUri } = fake.addAccount({ token: "tok-1" });
    const c = client("tok-1");
    const created = await c.createWebhookSubscription({
      url: WEBHOOK_URL,
      events: [...CALENDLY_INVITEE_EVENTS],
      organization: organizationUri,
      scope: "organization",
      signingKey: "sk_123",
    });
    expect(created).toMatchObject({
      callback_url: WEBHOOK_URL,
      state: "active",
      scope: "organization",
      retry_started_at: null,
      creator: userUri,
    });
    expect(created).not.toHaveProperty("signing_key");
    expect(fake.requests[0]?.body).toEqual({
      url: WEBHOOK_URL,
      events: [...CALENDLY_INVITEE_EVENTS],
      organization: organizationUri,
      scope: "organization",
      signing_key: "sk_123",
    });
    expect(fake.subscriptions[0]?.signing_key).toBe("sk_123");

    const listed = await c.listWebhookSubscriptions({ organization: organizationUri, scope: "organization" });
    expect(listed.map((s) => s.uri)).toEqual([created.uri]);
    expect(fake.requests[1]?.query).toEqual({ organization: organizationUri, scope: "organization", count: "100" });
    expect((await c.getWebhookSubscription(created.uri)).uri).toBe(created.uri);

    await c.deleteWebhookSubscription(created.uri);
    expect(fake.subscriptions).toHaveLength(0);
    // Deleting again (404) counts as success.
    await expect(c.deleteWebhookSubscription(created.uri)).resolves.toBeUndefined();
    expect(await kindOf(c.getWebhookSubscription(created.uri))).toBe("not_found");
  });

  it("creates a user-scoped subscription with the user key", async () => {
    const { organizationUri, userUri } = fake.addAccount({ token: "tok-1", role: "user" });
    const sub = await client("tok-1").createWebhookSubscription({
      url: WEBHOOK_URL,
      events: ["invitee.created"],
      organization: organizationUri,
      scope: "user",
      user: userUri,
      signingKey: "k",
    });
    expect(sub).toMatchObject({ scope: "user", user: userUri });
    expect((fake.requests[0]!.body as Record<string, unknown>).user).toBe(userUri);
    const listed = await client("tok-1").listWebhookSubscriptions({
      organization: organizationUri,
      scope: "user",
      user: userUri,
    });
    expect(listed).toHaveLength(1);
  });

  it("a duplicate callback URL is a conflict (409)", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1" });
    const p = {
      url: WEBHOOK_URL,
      events: ["invitee.created" as const],
      organization: organizationUri,
      scope: "organization" as const,
      signingKey: "k",
    };
    await client("tok-1").createWebhookSubscription(p);
    const error = await failureOf(client("tok-1").createWebhookSubscription(p));
    expect(error.kind).toBe("conflict");
    expect(error.status).toBe(409);
    expect(error.calendlyMessage).toBe("Hook with this url already exists");
    expect(error.message).toMatch(/webhook subscription with this URL already exists/);
    expect(fake.subscriptions).toHaveLength(1);
  });

  it("shows a disabled hook with its retry_started_at", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1" });
    const sub = await client("tok-1").createWebhookSubscription({
      url: WEBHOOK_URL,
      events: ["invitee.created"],
      organization: organizationUri,
      scope: "organization",
      signingKey: "k",
    });
    fake.disableSubscription(sub.uri, new Date("2026-05-01T10:00:00Z"));
    const got = await client("tok-1").getWebhookSubscription(sub.uri);
    expect(got.state).toBe("disabled");
    expect(got.retry_started_at).toBe("2026-05-01T10:00:00.000Z");
    const listed = await client("tok-1").listWebhookSubscriptions({
      organization: organizationUri,
      scope: "organization",
    });
    expect(listed[0]?.state).toBe("disabled");
  });

  it("lists subscriptions across pages", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1" });
    const c = client("tok-1");
    for (let i = 0; i < 205; i++) {
      await c.createWebhookSubscription({
        url: `${WEBHOOK_URL}/${i}`,
        events: ["invitee.created"],
        organization: organizationUri,
        scope: "organization",
        signingKey: "k",
      });
    }
    fake.reset();
    const listed = await c.listWebhookSubscriptions({ organization: organizationUri, scope: "organization" });
    expect(listed).toHaveLength(205);
    expect(fake.requests).toHaveLength(3);
  });

  it("missing webhooks:write is forbidden_scope naming it", async () => {
    const { organizationUri } = fake.addAccount({
      token: "tok-1",
      scopes: ["users:read", "webhooks:read", "scheduled_events:read"],
    });
    const error = await failureOf(
      client("tok-1").createWebhookSubscription({
        url: WEBHOOK_URL,
        events: ["invitee.created"],
        organization: organizationUri,
        scope: "organization",
        signingKey: "k",
      }),
    );
    expect(error.kind).toBe("forbidden_scope");
    expect(error.message).toMatch(/The token lacks the scopes: webhooks:write/);
    expect(error.details).toEqual([{ parameter: "required_scopes", message: "webhooks:write" }]);
  });

  it("a free plan, when the account still needs a paid plan for webhooks, is forbidden_plan", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1", plan: "free", webhooksRequirePaidPlan: true });
    const error = await failureOf(
      client("tok-1").createWebhookSubscription({
        url: WEBHOOK_URL,
        events: ["invitee.created"],
        organization: organizationUri,
        scope: "organization",
        signingKey: "k",
      }),
    );
    expect(error.kind).toBe("forbidden_plan");
    expect(error.message).toMatch(/^Webhook subscriptions need a paid Calendly plan/);
    expect(error.calendlyMessage).toBe("Please upgrade to a paid Calendly account.");
  });

  it("a free plan is allowed by default (webhooks on all plans since 2026-11-03)", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1", plan: "free" });
    const sub = await client("tok-1").createWebhookSubscription({
      url: WEBHOOK_URL,
      events: ["invitee.created"],
      organization: organizationUri,
      scope: "organization",
      signingKey: "k",
    });
    expect(sub.state).toBe("active");
  });

  it("a non-admin creating an organization subscription is forbidden_role", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1", role: "user" });
    const error = await failureOf(
      client("tok-1").createWebhookSubscription({
        url: WEBHOOK_URL,
        events: ["invitee.created"],
        organization: organizationUri,
        scope: "organization",
        signingKey: "k",
      }),
    );
    expect(error.kind).toBe("forbidden_role");
    expect(error.message).toMatch(/Owner or Admin/);
  });

  it("an invalid request (400) is invalid_request with Calendly's details in the message", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1" });
    const error = await failureOf(
      client("tok-1").createWebhookSubscription({
        url: "not a url",
        events: ["invitee.created"],
        organization: organizationUri,
        scope: "organization",
        signingKey: "k",
      }),
    );
    expect(error.kind).toBe("invalid_request");
    expect(error.message).toMatch(/url: must be a valid URL/);
  });

  it("validates its own arguments before calling Calendly", async () => {
    const c = client("tok-1");
    expect(
      await kindOf(
        c.createWebhookSubscription({
          url: WEBHOOK_URL,
          events: [],
          organization: "o",
          scope: "organization",
          signingKey: "k",
        }),
      ),
    ).toBe("invalid_request");
    expect(
      await kindOf(
        c.createWebhookSubscription({
          url: WEBHOOK_URL,
          events: ["invitee.created"],
          organization: "o",
          scope: "user",
          signingKey: "k",
        }),
      ),
    ).toBe("invalid_request");
    expect(await kindOf(c.listWebhookSubscriptions({ organization: "o", scope: "user" }))).toBe("invalid_request");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("scheduled events and invitees", () => {
  it("lists scheduled events in a window with status, then their invitees", async () => {
    const { userUri, organizationUri } = fake.addAccount({ token: "tok-1" });
    const inWindow = fake.addScheduledEvent({
      user: userUri,
      start_time: "2026-05-14T16:00:00Z",
      invitees: [{ email: "a@x.test" }, { email: "b@x.test", status: "canceled" }],
    });
    fake.addScheduledEvent({ user: userUri, start_time: "2026-04-01T16:00:00Z" });
    fake.addScheduledEvent({ user: userUri, start_time: "2026-05-15T16:00:00Z", status: "canceled" });
    const c = client("tok-1");
    const events = await c.listScheduledEvents({
      organization: organizationUri,
      minStartTime: new Date("2026-05-01T00:00:00Z"),
      maxStartTime: new Date("2026-06-01T00:00:00Z"),
      status: "active",
    });
    expect(events.map((e) => e.uri)).toEqual([inWindow.uri]);
    expect(fake.requests[0]?.query).toEqual({
      organization: organizationUri,
      min_start_time: "2026-05-01T00:00:00.000Z",
      max_start_time: "2026-06-01T00:00:00.000Z",
      status: "active",
      count: "100",
    });
    const invitees = await c.listEventInvitees(inWindow.uri);
    expect(invitees.map((i) => [i.email, i.status, i.event])).toEqual([
      ["a@x.test", "active", inWindow.uri],
      ["b@x.test", "canceled", inWindow.uri],
    ]);
    expect((await c.listEventInvitees(inWindow.uri, { status: "canceled" })).map((i) => i.email)).toEqual(["b@x.test"]);
    expect(fake.requests.at(-1)?.path).toBe(`/scheduled_events/${inWindow.uri.split("/").at(-1)}/invitees`);
  });

  it("pages through many scheduled events", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    for (let i = 0; i < 130; i++)
      fake.addScheduledEvent({ user: userUri, start_time: new Date(Date.UTC(2026, 4, 1) + i * 3_600_000) });
    const events = await client("tok-1").listScheduledEvents({ user: userUri });
    expect(events).toHaveLength(130);
    expect(fake.requests).toHaveLength(2);
  });

  it("an unknown event's invitees are not_found", async () => {
    fake.addAccount({ token: "tok-1" });
    expect(await kindOf(client("tok-1").listEventInvitees("https://api.calendly.com/scheduled_events/nope"))).toBe(
      "not_found",
    );
  });
});

describe("retries", () => {
  it("429 then success: waits X-RateLimit-Reset seconds via the injected sleep", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(1, { status: 429, headers: { "x-ratelimit-reset": "12", "x-ratelimit-remaining": "0" } });
    const me = await client("tok-1").getCurrentUser();
    expect(me.uri).toBeDefined();
    expect(sleeps).toEqual([12_000]);
    expect(fake.requests).toHaveLength(2);
  });

  it("429 with a reset beyond the wait cap fails at once as rate_limited with retryAfterSeconds", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(1, { status: 429, headers: { "x-ratelimit-reset": "60" } });
    const error = await failureOf(client("tok-1").getCurrentUser());
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.message).toBe("Calendly rate limited, retry after 60 s");
    expect(sleeps).toEqual([]);
  });

  it("429 on every attempt exhausts the retries as rate_limited", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(10, { status: 429, headers: { "x-ratelimit-reset": "2" } });
    const error = await failureOf(client("tok-1", { maxRetries: 2 }).getCurrentUser());
    expect(error.kind).toBe("rate_limited");
    expect(sleeps).toEqual([2000, 2000]);
    expect(fake.requests).toHaveLength(3);
  });

  it("5xx then success, with exponential backoff", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(2, { status: 503 });
    await client("tok-1").getCurrentUser();
    expect(sleeps).toEqual([500, 1000]);
    expect(fake.requests).toHaveLength(3);
  });

  it("5xx on every attempt exhausts the retries as unavailable", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(10, { status: 502 });
    const error = await failureOf(client("tok-1").getCurrentUser());
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe("Calendly unavailable (HTTP 502), try again later");
    expect(fake.requests).toHaveLength(4); // 1 + maxRetries (3)
  });

  it("a 5xx on POST is retried too (Calendly did not finish it)", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1" });
    fake.failNext(1, { status: 500 });
    const sub = await client("tok-1").createWebhookSubscription({
      url: WEBHOOK_URL,
      events: ["invitee.created"],
      organization: organizationUri,
      scope: "organization",
      signingKey: "k",
    });
    expect(sub.state).toBe("active");
    expect(fake.subscriptions).toHaveLength(1);
  });

  it("a page failing mid-pagination is retried and the listing still completes", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    for (let i = 0; i < 150; i++) fake.addEventType(userUri, { name: `T${i}` });
    let calls = 0;
    const failSecondPage: typeof fetch = (input, init) => {
      if (++calls === 2) fake.failNext(1, { status: 500 });
      return fetch(input, init);
    };
    expect(await client("tok-1", { fetch: failSecondPage }).listEventTypes({ user: userUri })).toHaveLength(150);
    expect(fake.requests.map((r) => r.query.page_token !== undefined)).toEqual([false, true, true]);
    expect(sleeps).toEqual([500]);
  });

  it("timeout: a request Calendly never answers fails as timeout after the retries", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(10, "timeout");
    const error = await failureOf(client("tok-1", { timeoutMs: 50, maxRetries: 1 }).getCurrentUser());
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer GET \/users\/me within \d+ ms \(2 attempts\)/);
    expect(fake.requests).toHaveLength(2);
  });

  it("one deadline for the whole call: no retry is made whose wait ends after it, and the error says how long it took", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(10, "timeout");
    let clock = 0; // advanced by the (injected) waits between attempts
    const error = await failureOf(
      client("tok-1", {
        timeoutMs: 50,
        deadlineMs: 1_200,
        maxRetries: 5,
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
      }).getCurrentUser(),
    );
    expect(error.kind).toBe("timeout");
    // attempt 1, wait 500 ms, attempt 2; the next wait (1 s) would end after the 1.2 s deadline.
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([500]);
    expect(error.message).toBe("Calendly did not answer GET /users/me within 500 ms (2 attempts), try again later");
  });

  it("timeout then success", async () => {
    fake.addAccount({ token: "tok-1" });
    fake.failNext(1, "timeout");
    const me = await client("tok-1", { timeoutMs: 50 }).getCurrentUser();
    expect(me.uri).toBeDefined();
  });

  it("a POST that timed out is not retried (it may have been applied)", async () => {
    const { organizationUri } = fake.addAccount({ token: "tok-1" });
    fake.failNext(1, "timeout");
    const error = await failureOf(
      client("tok-1", { timeoutMs: 50 }).createWebhookSubscription({
        url: WEBHOOK_URL,
        events: ["invitee.created"],
        organization: organizationUri,
        scope: "organization",
        signingKey: "k",
      }),
    );
    expect(error.kind).toBe("timeout");
    expect(fake.requests).toHaveLength(1);
  });
});

describe("single-use scheduling links", () => {
  it("creates one for an event type with the body openapi.yaml describes", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    const eventType = fake.addEventType(userUri, { slug: "intro" });
    const link = await client("tok-1").createSingleUseSchedulingLink(eventType.uri);
    expect(link).toMatchObject({ owner: eventType.uri, owner_type: "EventType" });
    expect(link.booking_url).toMatch(/^https:\/\/calendly\.com\/d\/[^/]+\/intro$/);
    expect(fake.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/scheduling_links",
      body: { max_event_count: 1, owner: eventType.uri, owner_type: "EventType" },
    });
  });

  it("an event type that is gone is not_found; a token without scheduling_links:write is forbidden_scope", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    expect(
      await kindOf(client("tok-1").createSingleUseSchedulingLink("https://api.calendly.com/event_types/gone")),
    ).toBe("not_found");
    fake.addAccount({ token: "tok-2", user: { uri: userUri }, scopes: ["users:read", "event_types:read"] });
    const eventType = fake.addEventType(userUri);
    const error = await failureOf(client("tok-2").createSingleUseSchedulingLink(eventType.uri));
    expect(error.kind).toBe("forbidden_scope");
    expect(error.requiredScopes).toEqual(["scheduling_links:write"]);
  });
});

describe("invitee no-shows", () => {
  it("marks an invitee (201) and removes the mark (204); removing it again is not an error", async () => {
    const { userUri } = fake.addAccount({ token: "tok-1" });
    const event = fake.addScheduledEvent({ user: userUri, start_time: "2026-05-14T16:00:00Z" });
    const inviteeUri = event.invitees[0]!;
    const c = client("tok-1");
    const mark = await c.createInviteeNoShow(inviteeUri);
    expect(mark).toMatchObject({ invitee: inviteeUri });
    expect(mark.uri).toMatch(/\/invitee_no_shows\//);
    expect(fake.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/invitee_no_shows",
      body: { invitee: inviteeUri },
    });
    expect(fake.invitee(inviteeUri)?.no_show).toMatchObject({ uri: mark.uri });
    await c.deleteInviteeNoShow(mark.uri);
    expect(fake.invitee(inviteeUri)?.no_show).toBeNull();
    await expect(c.deleteInviteeNoShow(mark.uri)).resolves.toBeUndefined();
  });

  it("an unknown invitee is not_found", async () => {
    fake.addAccount({ token: "tok-1" });
    const uri = "https://api.calendly.com/scheduled_events/e1/invitees/i1";
    expect(await kindOf(client("tok-1").createInviteeNoShow(uri))).toBe("not_found");
  });
});

describe("organization memberships", () => {
  it("gives the user's role in its organization", async () => {
    const { userUri, organizationUri } = fake.addAccount({ token: "tok-1", role: "admin" });
    const [membership] = await client("tok-1").listOrganizationMemberships({ user: userUri });
    expect(membership).toMatchObject({ role: "admin", organization: organizationUri, user: { uri: userUri } });
    expect(fake.requests.at(-1)?.query).toMatchObject({ user: userUri });
  });
});

describe("createCalendlyClientFactory", () => {
  it("builds clients per token sharing the options", async () => {
    fake.addAccount({ token: "a", user: { name: "A" } });
    fake.addAccount({ token: "b", user: { name: "B" } });
    const calendlyFor = createCalendlyClientFactory({ baseUrl: BASE });
    expect((await calendlyFor("a").getCurrentUser()).name).toBe("A");
    expect((await calendlyFor("b").getCurrentUser()).name).toBe("B");
  });
});
