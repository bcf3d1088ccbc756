// The typed Calendly API v2 client. Resources come back in Calendly's snake_case shape.
import type { z } from "zod";
import type { CalendlyWebhookEventName } from "../events.ts";
import { CalendlyApiError } from "./errors.ts";
import {
  type CalendlyEventType,
  type CalendlyInvitee,
  type CalendlyInviteeNoShow,
  type CalendlyOrganizationMembership,
  type CalendlyScheduledEvent,
  type CalendlySchedulingLink,
  type CalendlyUser,
  type CalendlyWebhookSubscription,
  calendlyEventTypeSchema,
  calendlyInviteeNoShowSchema,
  calendlyInviteeSchema,
  calendlyOrganizationMembershipSchema,
  calendlyScheduledEventSchema,
  calendlySchedulingLinkSchema,
  calendlyUserSchema,
  calendlyWebhookSubscriptionSchema,
  collectionResponse,
  resourceResponse,
} from "./schemas.ts";
import { send, sendJson, type TransportOptions } from "./transport.ts";
import {
  buildUrl,
  DEFAULT_CALENDLY_BASE_URL,
  normalizeBaseUrl,
  type QueryValue,
  resourceId,
  sameApiUrl,
} from "./urls.ts";

export type CalendlyClientOptions = {
  token: string;
  /** Default "https://api.calendly.com"; callers pass CALENDLY_API_BASE_URL. */
  baseUrl?: string;
  /** Per attempt; default 10000. */
  timeoutMs?: number;
  /** The whole call, retries and waits included; default 15000. */
  deadlineMs?: number;
  /** Monotonic clock in ms (tests); default performance.now. */
  now?: () => number;
  /** Extra attempts after a 429, 5xx, timeout or network error; default 3. */
  maxRetries?: number;
  /** Longest X-RateLimit-Reset waited out before retrying a 429; default 30 (s). */
  maxRateLimitWaitSeconds?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

export type WebhookScope = "organization" | "user";

export type CalendlyClient = {
  getCurrentUser(): Promise<CalendlyUser>;
  listEventTypes(p: { user?: string; organization?: string; active?: boolean }): Promise<CalendlyEventType[]>;
  getEventType(uri: string): Promise<CalendlyEventType>;
  listWebhookSubscriptions(p: {
    organization: string;
    scope: WebhookScope;
    user?: string;
  }): Promise<CalendlyWebhookSubscription[]>;
  getWebhookSubscription(uri: string): Promise<CalendlyWebhookSubscription>;
  createWebhookSubscription(p: {
    url: string;
    events: CalendlyWebhookEventName[];
    organization: string;
    scope: WebhookScope;
    user?: string;
    signingKey: string;
  }): Promise<CalendlyWebhookSubscription>;
  /** Resolves when the subscription is gone, including when Calendly answers 404. */
  deleteWebhookSubscription(uri: string): Promise<void>;
  listScheduledEvents(p: {
    user?: string;
    organization?: string;
    minStartTime?: Date;
    maxStartTime?: Date;
    status?: "active" | "canceled";
  }): Promise<CalendlyScheduledEvent[]>;
  listEventInvitees(eventUri: string, p?: { status?: "active" | "canceled" }): Promise<CalendlyInvitee[]>;
  /** POST /scheduling_links: a single-use booking URL for the event type (max_event_count 1). */
  createSingleUseSchedulingLink(eventTypeUri: string): Promise<CalendlySchedulingLink>;
  /** POST /invitee_no_shows: marks the invitee as a no-show. */
  createInviteeNoShow(inviteeUri: string): Promise<CalendlyInviteeNoShow>;
  /** DELETE /invitee_no_shows/{uuid}; resolves when the mark is gone, including when Calendly answers 404. */
  deleteInviteeNoShow(noShowUri: string): Promise<void>;
  /** GET /organization_memberships for a user or an organization (role: owner | admin | user). */
  listOrganizationMemberships(p: { user?: string; organization?: string }): Promise<CalendlyOrganizationMembership[]>;
};

export type CalendlyClientFactory = (token: string) => CalendlyClient;

const PAGE_SIZE = 100;
const MAX_PAGES = 1_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCalendlyClient(opts: CalendlyClientOptions): CalendlyClient {
  const base = normalizeBaseUrl(opts.baseUrl ?? DEFAULT_CALENDLY_BASE_URL);
  const transport: TransportOptions = {
    token: opts.token,
    fetch: opts.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: opts.sleep ?? defaultSleep,
    timeoutMs: opts.timeoutMs ?? 10_000,
    deadlineMs: opts.deadlineMs ?? 15_000,
    now: opts.now ?? (() => performance.now()),
    maxRetries: Math.max(0, opts.maxRetries ?? 3),
    maxRateLimitWaitSeconds: opts.maxRateLimitWaitSeconds ?? 30,
  };

  const get = <T extends z.ZodType>(path: string, schema: T, query?: Record<string, QueryValue>) =>
    sendJson(transport, { method: "GET", url: buildUrl(base, path, query), path }, schema);

  /** Follows next_page_token (or a same-host next_page link) until Calendly says there is no more. */
  async function list<T extends z.ZodType>(
    path: string,
    item: T,
    query: Record<string, QueryValue>,
  ): Promise<z.infer<T>[]> {
    const schema = collectionResponse(item);
    const items: z.infer<T>[] = [];
    const seen = new Set<string>();
    let url = buildUrl(base, path, { ...query, count: PAGE_SIZE });
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await sendJson(transport, { method: "GET", url, path }, schema);
      items.push(...body.collection);
      const token = body.pagination?.next_page_token;
      const link = body.pagination?.next_page;
      if (token) url = buildUrl(base, path, { ...query, count: PAGE_SIZE, page_token: token });
      else if (link) url = sameApiUrl(base, link);
      else return items;
      if (seen.has(url.href))
        throw new CalendlyApiError(
          "invalid_response",
          `Calendly pagination of ${path} loops back to a page already read`,
        );
      seen.add(url.href);
    }
    throw new CalendlyApiError(
      "invalid_response",
      `Calendly pagination of ${path} did not end after ${MAX_PAGES} pages`,
    );
  }

  return {
    async getCurrentUser() {
      return (await get("/users/me", resourceResponse(calendlyUserSchema))).resource;
    },

    async listEventTypes(p) {
      requireOwner("listEventTypes", p);
      return list("/event_types", calendlyEventTypeSchema, {
        user: p.user,
        organization: p.organization,
        active: p.active,
      });
    },

    async getEventType(uri) {
      const path = `/event_types/${resourceId("event_types", uri)}`;
      return (await get(path, resourceResponse(calendlyEventTypeSchema))).resource;
    },

    async listWebhookSubscriptions(p) {
      requireUserForUserScope(p);
      return list("/webhook_subscriptions", calendlyWebhookSubscriptionSchema, {
        organization: p.organization,
        scope: p.scope,
        user: p.scope === "user" ? p.user : undefined,
      });
    },

    async getWebhookSubscription(uri) {
      const path = `/webhook_subscriptions/${resourceId("webhook_subscriptions", uri)}`;
      return (await get(path, resourceResponse(calendlyWebhookSubscriptionSchema))).resource;
    },

    async createWebhookSubscription(p) {
      requireUserForUserScope(p);
      if (p.events.length === 0)
        throw new CalendlyApiError("invalid_request", "A webhook subscription needs at least one event");
      const path = "/webhook_subscriptions";
      const body = {
        url: p.url,
        events: [...new Set(p.events)],
        organization: p.organization,
        scope: p.scope,
        ...(p.scope === "user" ? { user: p.user } : {}),
        signing_key: p.signingKey,
      };
      const response = await sendJson(
        transport,
        { method: "POST", url: buildUrl(base, path), path, body },
        resourceResponse(calendlyWebhookSubscriptionSchema),
      );
      return response.resource;
    },

    async deleteWebhookSubscription(uri) {
      const path = `/webhook_subscriptions/${resourceId("webhook_subscriptions", uri)}`;
      try {
        await send(transport, { method: "DELETE", url: buildUrl(base, path), path });
      } catch (error) {
        if (error instanceof CalendlyApiError && error.kind === "not_found") return;
        throw error;
      }
    },

    async listScheduledEvents(p) {
      requireOwner("listScheduledEvents", p);
      return list("/scheduled_events", calendlyScheduledEventSchema, {
        user: p.user,
        organization: p.organization,
        min_start_time: p.minStartTime,
        max_start_time: p.maxStartTime,
        status: p.status,
      });
    },

    async listEventInvitees(eventUri, p = {}) {
      const path = `/scheduled_events/${resourceId("scheduled_events", eventUri)}/invitees`;
      return list(path, calendlyInviteeSchema, { status: p.status });
    },

    async createSingleUseSchedulingLink(eventTypeUri) {
      resourceId("event_types", eventTypeUri); // a URI of an event type, or an error before any request
      const path = "/scheduling_links";
      const body = { max_event_count: 1, owner: eventTypeUri, owner_type: "EventType" };
      const response = await sendJson(
        transport,
        { method: "POST", url: buildUrl(base, path), path, body },
        resourceResponse(calendlySchedulingLinkSchema),
      );
      return response.resource;
    },

    async createInviteeNoShow(inviteeUri) {
      const path = "/invitee_no_shows";
      const response = await sendJson(
        transport,
        { method: "POST", url: buildUrl(base, path), path, body: { invitee: inviteeUri } },
        resourceResponse(calendlyInviteeNoShowSchema),
      );
      return response.resource;
    },

    async deleteInviteeNoShow(noShowUri) {
      const path = `/invitee_no_shows/${resourceId("invitee_no_shows", noShowUri)}`;
      try {
        await send(transport, { method: "DELETE", url: buildUrl(base, path), path });
      } catch (error) {
        if (error instanceof CalendlyApiError && error.kind === "not_found") return;
        throw error;
      }
    },

    async listOrganizationMemberships(p) {
      requireOwner("listOrganizationMemberships", p);
      return list("/organization_memberships", calendlyOrganizationMembershipSchema, {
        user: p.user,
        organization: p.organization,
      });
    },
  };
}

export function createCalendlyClientFactory(opts: Omit<CalendlyClientOptions, "token">): CalendlyClientFactory {
  return (token) => createCalendlyClient({ ...opts, token });
}

function requireOwner(method: string, p: { user?: string; organization?: string }) {
  if (!p.user && !p.organization)
    throw new CalendlyApiError("invalid_request", `${method} needs a user or organization URI`);
}

function requireUserForUserScope(p: { scope: WebhookScope; user?: string }) {
  if (p.scope === "user" && !p.user)
    throw new CalendlyApiError("invalid_request", "A user-scoped webhook subscription needs a user URI");
}
