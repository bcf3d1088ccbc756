// A stateful, in-memory Calendly API v2 for tests and the local demo. It answers like Calendly:
// 401 for unknown tokens, 403 with required_scopes for a missing scope, role and (optionally)
// plan checks on webhook creation, 409 for a duplicate hook URL, 204 on delete, 404 for unknown
// resources, count/page_token pagination and X-RateLimit-* headers.
import { randomUUID } from "node:crypto";
import { CALENDLY_INVITEE_EVENTS } from "../../events.ts";
import { CALENDLY_SIGNATURE_HEADER, signWebhook } from "../../webhooks/signature.ts";
import { buildInviteePayload } from "../builders.ts";
import { createFakeOAuth } from "./oauth.ts";
import { defaultFailureBody, type FakeFailure, fail, HttpError, json, paginate } from "./responses.ts";

export const FAKE_API_ORIGIN = "https://api.calendly.com";

export const ALL_SCOPES = [
  "users:read",
  "event_types:read",
  "event_types:write",
  "webhooks:read",
  "webhooks:write",
  "scheduled_events:read",
  "scheduled_events:write",
  "scheduling_links:write",
  "organizations:read",
] as const;

const WEBHOOK_EVENTS = [
  ...CALENDLY_INVITEE_EVENTS,
  "routing_form_submission.created",
  "event_type.created",
  "event_type.updated",
  "event_type.deleted",
];

type Json = Record<string, unknown>;

export type FakeAccount = {
  token: string;
  user: Json & { uri: string; name: string; email: string; current_organization: string };
  organizationUri: string;
  scopes: Set<string>;
  plan: "free" | "paid";
  role: "owner" | "admin" | "user";
  webhooksRequirePaidPlan: boolean;
  /** OAuth access tokens expire (ms since epoch); personal access tokens do not. */
  expiresAt?: number;
};

export type FakeSubscription = Json & {
  uri: string;
  callback_url: string;
  state: "active" | "disabled";
  events: string[];
  scope: "organization" | "user";
  organization: string;
  user: string | null;
  creator: string | null;
  retry_started_at: string | null;
  created_at: string;
  updated_at: string;
  /** Not part of Calendly's resource: what `deliver` signs with. */
  signing_key: string | null;
};

export type FakeRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  token: string | null;
};

type FakeScheduledEvent = {
  resource: Json & { uri: string; start_time: string; status: string };
  organization: string;
  hosts: string[];
  invitees: Json[];
};

export type FakeCalendly = ReturnType<typeof createFakeCalendly>;

const uuid = () => randomUUID();
const now = () => new Date().toISOString();
const idOf = (uri: string) => uri.split("/").at(-1) ?? "";
const withoutSecret = ({ signing_key: _omit, ...resource }: FakeSubscription) => resource;

export function createFakeCalendly() {
  const accounts = new Map<string, FakeAccount>();
  const eventTypes: (Json & { uri: string; name: string; active: boolean; profile: { owner: string } })[] = [];
  const eventTypeOrg = new Map<string, string>();
  const subscriptions: FakeSubscription[] = [];
  const scheduledEvents: FakeScheduledEvent[] = [];
  const schedulingLinks: Json[] = [];
  const requests: FakeRequest[] = [];
  const failures: FakeFailure[] = [];
  let remaining = 500;

  const accountByUser = (userUri: string) => [...accounts.values()].find((a) => a.user.uri === userUri);

  function addAccount(input: {
    token: string;
    user?: { uri?: string; name?: string; email?: string; slug?: string; timezone?: string };
    organization?: string;
    scopes?: string[];
    plan?: "free" | "paid";
    role?: "owner" | "admin" | "user";
    webhooksRequirePaidPlan?: boolean;
  }) {
    const organizationUri = input.organization ?? `${FAKE_API_ORIGIN}/organizations/${uuid()}`;
    const existing = input.user?.uri ? accountByUser(input.user.uri) : undefined;
    const slug = input.user?.slug ?? `user-${uuid().slice(0, 8)}`;
    const user = existing?.user ?? {
      uri: input.user?.uri ?? `${FAKE_API_ORIGIN}/users/${uuid()}`,
      name: input.user?.name ?? "Sam Rep",
      slug,
      email: input.user?.email ?? `${slug}@example.test`,
      scheduling_url: `https://calendly.com/${slug}`,
      timezone: input.user?.timezone ?? "America/New_York",
      avatar_url: null,
      created_at: "2024-01-01T00:00:00.000000Z",
      updated_at: "2024-01-01T00:00:00.000000Z",
      current_organization: organizationUri,
      resource_type: "User",
    };
    accounts.set(input.token, {
      token: input.token,
      user,
      organizationUri,
      scopes: new Set(input.scopes ?? ALL_SCOPES),
      plan: input.plan ?? "paid",
      role: input.role ?? "owner",
      webhooksRequirePaidPlan: input.webhooksRequirePaidPlan ?? false,
    });
    return { userUri: user.uri, organizationUri, user };
  }

  function addEventType(
    ownerUserUri: string,
    partial: {
      name?: string;
      slug?: string;
      active?: boolean;
      duration?: number;
      uri?: string;
      [key: string]: unknown;
    } = {},
  ) {
    const owner = accountByUser(ownerUserUri);
    if (!owner) throw new Error(`fake Calendly: no account with user ${ownerUserUri}; call addAccount first`);
    const slug = partial.slug ?? `meeting-${eventTypes.length + 1}`;
    const eventType = {
      uri: `${FAKE_API_ORIGIN}/event_types/${uuid()}`,
      name: "30 Minute Meeting",
      active: true,
      booking_method: "instant",
      slug,
      scheduling_url: `https://calendly.com/${owner.user.slug as string}/${slug}`,
      duration: 30,
      kind: "solo",
      pooling_type: null,
      type: "StandardEventType",
      color: "#0069ff",
      created_at: "2024-01-01T00:00:00.000000Z",
      updated_at: "2024-01-01T00:00:00.000000Z",
      internal_note: null,
      description_plain: null,
      description_html: null,
      secret: false,
      deleted_at: null,
      admin_managed: false,
      custom_questions: [],
      ...partial,
      profile: { type: "User", name: owner.user.name, owner: owner.user.uri },
    };
    eventTypes.push(eventType);
    eventTypeOrg.set(eventType.uri, owner.organizationUri);
    return eventType;
  }

  function addScheduledEvent(input: {
    /** Host user URI (an added account's user). */
    user: string;
    uri?: string;
    name?: string;
    status?: "active" | "canceled";
    start_time: string | Date;
    end_time?: string | Date;
    event_type?: string;
    invitees?: Json[];
    [key: string]: unknown;
  }) {
    const host = accountByUser(input.user);
    if (!host) throw new Error(`fake Calendly: no account with user ${input.user}; call addAccount first`);
    const { user: _user, invitees = [{}], start_time, end_time, ...rest } = input;
    const start = new Date(start_time);
    const end = end_time ? new Date(end_time) : new Date(start.getTime() + 30 * 60_000);
    const uri = input.uri ?? `${FAKE_API_ORIGIN}/scheduled_events/${uuid()}`;
    const resource = {
      uri,
      name: "30 Minute Meeting",
      status: "active",
      start_time: start.toISOString(),
      end_time: end.toISOString(),
      event_type: `${FAKE_API_ORIGIN}/event_types/${uuid()}`,
      location: { type: "google_conference" },
      invitees_counter: { total: invitees.length, active: invitees.length, limit: 1 },
      created_at: now(),
      updated_at: now(),
      event_memberships: [{ user: host.user.uri, user_email: host.user.email, user_name: host.user.name }],
      event_guests: [],
      ...rest,
    };
    const inviteeResources = invitees.map((partial) => {
      const { scheduled_event: _embedded, ...invitee } = buildInviteePayload({
        ...partial,
        event: uri,
        scheduled_event: { uri },
      });
      return invitee as Json;
    });
    scheduledEvents.push({
      resource,
      organization: host.organizationUri,
      hosts: [host.user.uri],
      invitees: inviteeResources,
    });
    return { uri, invitees: inviteeResources.map((i) => i.uri as string) };
  }

  function findSubscription(uri: string) {
    return subscriptions.find((s) => s.uri === uri || idOf(s.uri) === idOf(uri));
  }

  function disableSubscription(uri: string, retryStartedAt?: Date | string | null) {
    const sub = findSubscription(uri);
    if (!sub) throw new Error(`fake Calendly: no subscription ${uri}`);
    sub.state = "disabled";
    if (retryStartedAt !== undefined)
      sub.retry_started_at = retryStartedAt === null ? null : new Date(retryStartedAt).toISOString();
    sub.updated_at = now();
    return sub;
  }

  function failNext(count: number, failure: FakeFailure) {
    for (let i = 0; i < count; i++) failures.push(failure);
  }

  /** POSTs `envelope` to the subscription's callback URL, signed like Calendly (real HTTP). */
  async function deliver(
    subscriptionUri: string,
    envelope: unknown,
    opts: { timestamp?: number; signingKey?: string } = {},
  ) {
    const sub = findSubscription(subscriptionUri);
    if (!sub) throw new Error(`fake Calendly: no subscription ${subscriptionUri}`);
    const rawBody = typeof envelope === "string" ? envelope : JSON.stringify(envelope);
    const key = opts.signingKey ?? sub.signing_key;
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Calendly-Webhooks (fake)",
    };
    if (key)
      headers[CALENDLY_SIGNATURE_HEADER] = signWebhook({
        rawBody,
        signingKey: key,
        ...(opts.timestamp !== undefined ? { timestamp: opts.timestamp } : {}),
      });
    return fetch(sub.callback_url, { method: "POST", headers, body: rawBody });
  }

  // ---- request handling -------------------------------------------------------------------

  function authenticate(request: Request): FakeAccount {
    const match = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "");
    const account = match ? accounts.get(match[1]!) : undefined;
    if (!account || (account.expiresAt !== undefined && account.expiresAt <= Date.now())) throw fail(401);
    return account;
  }

  // ---- OAuth (auth.calendly.com), served by the same handler ---------------------------------

  const oauth = createFakeOAuth({
    consentingUser(userUri) {
      const account = userUri ? accountByUser(userUri) : accounts.values().next().value;
      return account?.user;
    },
    issueAccessToken(userUri, token, scopes, expiresAt) {
      const base = accountByUser(userUri);
      if (!base) throw new Error(`fake Calendly: no account with user ${userUri}`);
      accounts.set(token, { ...base, token, scopes: new Set(scopes), expiresAt });
    },
    expireAccessToken(token) {
      const account = accounts.get(token);
      if (account) account.expiresAt = Date.now();
    },
    revokeAccessToken(token) {
      accounts.delete(token);
    },
    log(request) {
      requests.push({ ...request, token: null });
    },
  });

  function requireScope(account: FakeAccount, scope: string) {
    const [family] = scope.split(":");
    if (account.scopes.has(scope) || account.scopes.has(`${family}:write`)) return;
    throw fail(403, "This operation requires the scopes listed in the 'required_scopes' array.", [
      { parameter: "required_scopes", message: scope },
    ]);
  }

  const isAdmin = (account: FakeAccount) => account.role === "owner" || account.role === "admin";

  function requireOrg(account: FakeAccount, organization: string | null, parameter = "organization") {
    if (!organization) throw fail(400, undefined, [{ parameter, message: "is required" }]);
    if (organization !== account.organizationUri)
      throw fail(403, "You do not have permission to access this resource.");
  }

  function visibleSubscription(account: FakeAccount, id: string) {
    const sub = findSubscription(id);
    if (!sub || sub.organization !== account.organizationUri) throw fail(404);
    return sub;
  }

  function createSubscription(account: FakeAccount, body: unknown) {
    requireScope(account, "webhooks:write");
    const b = (body ?? {}) as Json;
    const details: { parameter: string; message: string }[] = [];
    let url: URL | undefined;
    try {
      url = new URL(String(b.url));
    } catch {
      details.push({ parameter: "url", message: "must be a valid URL" });
    }
    const events = b.events;
    if (!Array.isArray(events) || events.length === 0)
      details.push({ parameter: "events", message: "must be a non-empty array" });
    else if (events.some((e) => !WEBHOOK_EVENTS.includes(String(e))))
      details.push({ parameter: "events", message: "contains an unknown event" });
    else if (new Set(events).size !== events.length) details.push({ parameter: "events", message: "must be unique" });
    if (b.scope !== "organization" && b.scope !== "user")
      details.push({ parameter: "scope", message: "must be organization or user" });
    if (b.scope === "user" && typeof b.user !== "string")
      details.push({ parameter: "user", message: "is required for user scope" });
    if (typeof b.organization !== "string") details.push({ parameter: "organization", message: "is required" });
    if (b.signing_key !== undefined && typeof b.signing_key !== "string")
      details.push({ parameter: "signing_key", message: "must be a string" });
    if (details.length > 0 || !url) throw fail(400, undefined, details);
    const inviteeEvents = (events as string[]).some((e) => e.startsWith("invitee"));
    if (
      inviteeEvents &&
      !account.scopes.has("scheduled_events:read") &&
      !account.scopes.has("scheduled_events:write")
    ) {
      // What Calendly does per n8n #33286: a 400 rather than a 403.
      throw fail(400, undefined, [
        { parameter: "events", message: "invitee events need the scheduled_events:read scope" },
      ]);
    }
    requireOrg(account, b.organization as string);
    if (b.scope === "organization" && !isAdmin(account))
      throw fail(403, "You do not have permission to access this resource.");
    if (b.scope === "user" && b.user !== account.user.uri && !isAdmin(account))
      throw fail(403, "You do not have permission");
    if (account.webhooksRequirePaidPlan && account.plan === "free")
      throw fail(403, "Please upgrade to a paid Calendly account.");
    if (subscriptions.some((s) => s.organization === account.organizationUri && s.callback_url === String(b.url))) {
      throw fail(409, "Hook with this url already exists");
    }
    const sub: FakeSubscription = {
      uri: `${FAKE_API_ORIGIN}/webhook_subscriptions/${uuid()}`,
      callback_url: String(b.url),
      created_at: now(),
      updated_at: now(),
      retry_started_at: null,
      state: "active",
      events: [...(events as string[])],
      scope: b.scope as "organization" | "user",
      organization: account.organizationUri,
      user: b.scope === "user" ? (b.user as string) : null,
      creator: account.user.uri,
      signing_key: typeof b.signing_key === "string" ? b.signing_key : null,
    };
    subscriptions.push(sub);
    return json(201, { resource: withoutSecret(sub) });
  }

  function route(account: FakeAccount, method: string, path: string, url: URL, body: unknown): Response {
    const q = url.searchParams;
    let m: RegExpExecArray | null;

    if (method === "GET" && path === "/users/me") {
      requireScope(account, "users:read");
      return json(200, { resource: account.user });
    }

    if (method === "GET" && path === "/event_types") {
      requireScope(account, "event_types:read");
      const user = q.get("user");
      const organization = q.get("organization");
      if (!user && !organization)
        throw fail(400, undefined, [{ parameter: "organization", message: "organization or user is required" }]);
      if (organization) requireOrg(account, organization);
      if (user) {
        const owner = accountByUser(user);
        if (!owner || owner.organizationUri !== account.organizationUri)
          throw fail(403, "This user is not in your organization");
        if (user !== account.user.uri && !isAdmin(account)) throw fail(403, "You do not have permission");
      } else if (!isAdmin(account)) throw fail(403, "You do not have permission");
      const active = q.get("active");
      const items = eventTypes
        .filter((e) => eventTypeOrg.get(e.uri) === account.organizationUri)
        .filter((e) => !user || e.profile.owner === user)
        .filter((e) => active === null || String(e.active) === active)
        .sort((a, b) => a.name.localeCompare(b.name) || a.uri.localeCompare(b.uri));
      return json(200, paginate(items, url));
    }

    m = /^\/event_types\/([^/]+)$/.exec(path);
    if (method === "GET" && m) {
      requireScope(account, "event_types:read");
      const eventType = eventTypes.find((e) => idOf(e.uri) === m![1]);
      if (!eventType || eventTypeOrg.get(eventType.uri) !== account.organizationUri) throw fail(404);
      return json(200, { resource: eventType });
    }

    if (path === "/webhook_subscriptions" && method === "GET") {
      requireScope(account, "webhooks:read");
      const scope = q.get("scope");
      requireOrg(account, q.get("organization"));
      if (scope !== "organization" && scope !== "user")
        throw fail(400, undefined, [{ parameter: "scope", message: "must be organization or user" }]);
      const user = q.get("user");
      if (scope === "user" && !user)
        throw fail(400, undefined, [{ parameter: "user", message: "is required for user scope" }]);
      const items = subscriptions
        .filter(
          (s) =>
            s.organization === account.organizationUri && s.scope === scope && (scope !== "user" || s.user === user),
        )
        .map(withoutSecret);
      return json(200, paginate(items, url));
    }

    if (path === "/webhook_subscriptions" && method === "POST") return createSubscription(account, body);

    m = /^\/webhook_subscriptions\/([^/]+)$/.exec(path);
    if (m) {
      if (method === "GET") {
        requireScope(account, "webhooks:read");
        return json(200, { resource: withoutSecret(visibleSubscription(account, m[1]!)) });
      }
      if (method === "DELETE") {
        requireScope(account, "webhooks:write");
        const sub = visibleSubscription(account, m[1]!);
        subscriptions.splice(subscriptions.indexOf(sub), 1);
        return json(204, null);
      }
    }

    if (method === "GET" && path === "/scheduled_events") {
      requireScope(account, "scheduled_events:read");
      const user = q.get("user");
      const organization = q.get("organization");
      if (!user && !organization)
        throw fail(400, undefined, [{ parameter: "organization", message: "organization or user is required" }]);
      if (organization) {
        requireOrg(account, organization);
        if (!isAdmin(account)) throw fail(403, "You do not have permission");
      } else if (user !== account.user.uri) throw fail(403, "You do not have permission");
      const status = q.get("status");
      if (status !== null && status !== "active" && status !== "canceled")
        throw fail(400, undefined, [{ parameter: "status", message: "must be active or canceled" }]);
      const min = parseTime(q.get("min_start_time"), "min_start_time");
      const max = parseTime(q.get("max_start_time"), "max_start_time");
      const items = scheduledEvents
        .filter(
          (e) => (organization ? e.organization === organization : true) && (user ? e.hosts.includes(user) : true),
        )
        .filter((e) => status === null || e.resource.status === status)
        .filter(
          (e) =>
            (min === null || Date.parse(e.resource.start_time) >= min) &&
            (max === null || Date.parse(e.resource.start_time) < max),
        )
        .map((e) => e.resource)
        .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
      return json(200, paginate(items, url));
    }

    m = /^\/scheduled_events\/([^/]+)\/invitees$/.exec(path);
    if (method === "GET" && m) {
      requireScope(account, "scheduled_events:read");
      const event = scheduledEvents.find((e) => idOf(e.resource.uri) === m![1]);
      if (!event || event.organization !== account.organizationUri) throw fail(404);
      const status = q.get("status");
      const items = event.invitees.filter((i) => status === null || i.status === status);
      return json(200, paginate(items, url));
    }

    if (method === "POST" && path === "/scheduling_links") return createSchedulingLink(account, body);

    if (method === "POST" && path === "/invitee_no_shows") return markNoShow(account, body);

    m = /^\/invitee_no_shows\/([^/]+)$/.exec(path);
    if (m) {
      const found = findNoShow(m[1]!);
      if (method === "GET") {
        requireScope(account, "scheduled_events:read");
        if (!found || found.event.organization !== account.organizationUri) throw fail(404);
        return json(200, { resource: found.invitee.no_show });
      }
      if (method === "DELETE") {
        requireScope(account, "scheduled_events:write");
        if (!found || found.event.organization !== account.organizationUri) throw fail(404);
        found.invitee.no_show = null;
        found.invitee.updated_at = now();
        return json(204, null);
      }
    }

    if (method === "GET" && path === "/organization_memberships") {
      requireScope(account, "organizations:read");
      const user = q.get("user");
      const organization = q.get("organization");
      if (!user && !organization)
        throw fail(400, undefined, [{ parameter: "organization", message: "organization or user is required" }]);
      if (organization) requireOrg(account, organization);
      const members = [...new Map([...accounts.values()].map((a) => [a.user.uri, a])).values()]
        .filter((a) => a.organizationUri === account.organizationUri)
        .filter((a) => user === null || a.user.uri === user);
      if (user && members.length === 0) throw fail(403, "This user is not in your organization");
      const items = members.map((a) => ({
        uri: `${FAKE_API_ORIGIN}/organization_memberships/${idOf(a.user.uri)}`,
        role: a.role,
        user: { uri: a.user.uri, name: a.user.name, email: a.user.email, slug: a.user.slug },
        organization: a.organizationUri,
        created_at: "2024-01-01T00:00:00.000000Z",
        updated_at: "2024-01-01T00:00:00.000000Z",
      }));
      return json(200, paginate(items, url));
    }

    throw fail(404);
  }

  function createSchedulingLink(account: FakeAccount, body: unknown) {
    requireScope(account, "scheduling_links:write");
    const b = (body ?? {}) as Json;
    const details: { parameter: string; message: string }[] = [];
    if (b.max_event_count !== 1) details.push({ parameter: "max_event_count", message: "must be 1" });
    if (b.owner_type !== "EventType") details.push({ parameter: "owner_type", message: "must be EventType" });
    if (typeof b.owner !== "string") details.push({ parameter: "owner", message: "is required" });
    if (details.length > 0) throw fail(400, undefined, details);
    const eventType = eventTypes.find((e) => idOf(e.uri) === idOf(String(b.owner)));
    if (!eventType || eventTypeOrg.get(eventType.uri) !== account.organizationUri) throw fail(404);
    const link = {
      booking_url: `https://calendly.com/d/${uuid().slice(0, 8)}/${String(eventType.slug)}`,
      owner: eventType.uri,
      owner_type: "EventType",
    };
    schedulingLinks.push(link);
    return json(201, { resource: link });
  }

  function findInvitee(inviteeUri: string) {
    for (const event of scheduledEvents) {
      const invitee = event.invitees.find((i) => i.uri === inviteeUri);
      if (invitee) return { event, invitee };
    }
    return undefined;
  }

  function findNoShow(id: string) {
    for (const event of scheduledEvents) {
      const invitee = event.invitees.find((i) => {
        const mark = i.no_show as { uri?: string } | null | undefined;
        return mark?.uri !== undefined && idOf(mark.uri) === id;
      });
      if (invitee) return { event, invitee };
    }
    return undefined;
  }

  function markNoShow(account: FakeAccount, body: unknown) {
    requireScope(account, "scheduled_events:write");
    const inviteeUri = (body as Json | undefined)?.invitee;
    if (typeof inviteeUri !== "string") throw fail(400, undefined, [{ parameter: "invitee", message: "is required" }]);
    const found = findInvitee(inviteeUri);
    if (!found || found.event.organization !== account.organizationUri) throw fail(404);
    const mark = { uri: `${FAKE_API_ORIGIN}/invitee_no_shows/${uuid()}`, invitee: inviteeUri, created_at: now() };
    found.invitee.no_show = mark;
    found.invitee.updated_at = now();
    return json(201, { resource: mark });
  }

  function parseTime(value: string | null, parameter: string): number | null {
    if (value === null) return null;
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw fail(400, undefined, [{ parameter, message: "must be an ISO-8601 time" }]);
    return time;
  }

  function rateLimitHeaders(): Record<string, string> {
    remaining = remaining > 0 ? remaining - 1 : 499;
    return { "x-ratelimit-limit": "500", "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": "60" };
  }

  async function hang(request: Request): Promise<Response> {
    await new Promise<void>((resolve) => {
      if (request.signal.aborted) return resolve();
      request.signal.addEventListener("abort", () => resolve(), { once: true });
      setTimeout(resolve, 120_000).unref();
    });
    return json(504, defaultFailureBody(504));
  }

  /** Answers one API request. `basePath` is stripped from the path (fake served under a prefix). */
  async function handle(request: Request, opts: { basePath?: string } = {}): Promise<Response> {
    const url = new URL(request.url);
    const basePath = (opts.basePath ?? "").replace(/\/+$/, "");
    const path =
      basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || "/" : url.pathname;
    if (path.startsWith("/oauth/")) return oauth.handle(request, path, basePath);
    const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const token = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
    requests.push({ method: request.method, path, query: Object.fromEntries(url.searchParams), body, token });

    const failure = failures.shift();
    if (failure === "timeout") return hang(request);
    if (failure)
      return json(failure.status, failure.body ?? defaultFailureBody(failure.status), {
        ...rateLimitHeaders(),
        ...failure.headers,
      });

    try {
      const account = authenticate(request);
      if (typeof body === "string") throw fail(400, "The request body is not valid JSON");
      const response = route(account, request.method, path, url, body);
      for (const [k, v] of Object.entries(rateLimitHeaders())) response.headers.set(k, v);
      return response;
    } catch (error) {
      if (error instanceof HttpError) return json(error.status, error.body, rateLimitHeaders());
      throw error;
    }
  }

  return {
    handle,
    /** The OAuth server: register the app, choose who consents, shorten token lifetimes, count token requests. */
    oauth,
    addAccount,
    addEventType,
    addScheduledEvent,
    failNext,
    disableSubscription,
    deliver,
    /** Live list of subscriptions (each with its `signing_key`). */
    get subscriptions(): FakeSubscription[] {
      return subscriptions;
    },
    get requests(): FakeRequest[] {
      return requests;
    },
    get accounts(): FakeAccount[] {
      return [...accounts.values()];
    },
    get eventTypes() {
      return eventTypes;
    },
    /** Single-use links created so far. */
    get schedulingLinks(): Json[] {
      return schedulingLinks;
    },
    /** The invitee resource (with its `no_show` mark) of a scheduled event added with addScheduledEvent. */
    invitee(inviteeUri: string): Json | undefined {
      return findInvitee(inviteeUri)?.invitee;
    },
    /** Revokes a token: later requests with it get 401. */
    revokeToken(token: string) {
      accounts.delete(token);
    },
    /** Forgets the request log and pending failures. */
    reset() {
      requests.length = 0;
      failures.length = 0;
      oauth.reset();
    },
  };
}
