import type { CalendlyClientFactory, CalendlyOAuthClient } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type SessionReader, sessionFromRequest } from "../auth/session-from-request.ts";
import { createContextInner, type Session } from "../context.ts";
import { isDatabaseUnavailable } from "../lib/db-errors.ts";
import { createReadCaches } from "../lib/read-caches.ts";
import type { SqlRunner } from "../lib/sql.ts";
import { createTtlCache } from "../lib/ttl-cache.ts";
import { appRouter } from "../root.ts";
import type { InvitationMailer } from "../services/members/index.ts";
import { refuseCrossOrigin } from "./origin.ts";
import { withCappedBody } from "./read-body.ts";

/** Largest request body /api/trpc reads (larger: 413 PAYLOAD_TOO_LARGE, nothing more read). */
const MAX_TRPC_BODY_BYTES = 1024 * 1024;
/** Most calls in one batched request (more: 400 BAD_REQUEST). */
const MAX_TRPC_BATCH_SIZE = 20;
/** A session already verified is honoured this long by this server (a session revoked elsewhere, at most this). */
const SESSION_CACHE_MS = 10_000;

export type FetchHandlerDeps = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  calendlyOAuth?: CalendlyOAuthClient | null;
  /** better-auth instance (session cookies); omit to accept only the internal bearer token. */
  auth?: SessionReader;
  /** A plain `pg` pool for the hot reads written in SQL (see Context.sql). */
  sql?: SqlRunner;
  env: {
    publicWebhookBaseUrl: string;
    internalApiToken?: string;
    /** The web app's public origin (BETTER_AUTH_URL): cookie-authenticated mutations must come from it. */
    appUrl?: string;
  };
  mailer?: InvitationMailer | null;
  /** Path the router is mounted at; default "/api/trpc". */
  endpoint?: string;
  now?: () => Date;
  onError?: (error: unknown, path: string | undefined) => void;
};

const unavailable = (cause: unknown) =>
  new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "The service is busy right now; try again in a moment",
    cause,
  });

/**
 * A `(Request) => Promise<Response>` serving appRouter: the Next route and the HTTP test both use it.
 * Bodies are capped while they stream in, batches are capped, a cookie-authenticated POST from
 * another origin is refused (403), and an exhausted or unreachable database is 503 with Retry-After
 * (retryable), never 500.
 */
export function createFetchHandler(deps: FetchHandlerDeps): (req: Request) => Promise<Response> {
  const endpoint = deps.endpoint ?? "/api/trpc";
  // One set per server: sessions already verified (by Cookie header) and memberships (lib/read-caches.ts).
  const sessions = createTtlCache<Exclude<Session, null>>({ ttlMs: SESSION_CACHE_MS, max: 10_000 });
  const caches = createReadCaches();
  const tooLarge = () =>
    new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `Request body is larger than ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MiB`,
    });
  return (original) => {
    const req = withCappedBody(original, MAX_TRPC_BODY_BYTES, tooLarge);
    return fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext: async () => {
        // Any Authorization header means no cookie is used (sessionFromRequest); otherwise a browser may be calling.
        if (!req.headers.has("authorization")) refuseCrossOrigin(req, deps.env.appUrl);
        try {
          const session = await sessionFromRequest(req, {
            ...(deps.auth ? { auth: deps.auth } : {}),
            ...(deps.env.internalApiToken ? { internalApiToken: deps.env.internalApiToken } : {}),
            cache: sessions,
          });
          return await createContextInner({
            db: deps.db,
            secrets: deps.secrets,
            calendlyFor: deps.calendlyFor,
            calendlyOAuth: deps.calendlyOAuth ?? null,
            session,
            caches,
            ...(deps.sql ? { sql: deps.sql } : {}),
            ...(deps.now ? { now: deps.now } : {}),
            env: {
              publicWebhookBaseUrl: deps.env.publicWebhookBaseUrl,
              // Invitation links: the configured public origin, else the origin this request came to.
              appUrl: deps.env.appUrl ?? new URL(req.url).origin,
              mailer: deps.mailer ?? null,
            },
          });
        } catch (error) {
          throw isDatabaseUnavailable(error) ? unavailable(error) : error;
        }
      },
      responseMeta: ({ errors }) =>
        errors.some((e) => e.code === "SERVICE_UNAVAILABLE") ? { headers: { "retry-after": "2" } } : {},
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          (deps.onError ?? ((e, p) => console.error(`tRPC ${p ?? "?"} failed:`, e)))(error, path);
      },
    });
  };
}
