import type { CalendlyClientFactory } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type SessionReader, sessionFromRequest } from "../auth/session-from-request.ts";
import { createContextInner, type Session } from "../context.ts";
import { createReadCaches } from "../lib/read-caches.ts";
import { createTtlCache } from "../lib/ttl-cache.ts";
import { appRouter } from "../root.ts";
import type { SqlRunner } from "../services/webhooks/sql.ts";

export type FetchHandlerDeps = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  /** better-auth instance (session cookies); omit to accept only the internal bearer token. */
  auth?: SessionReader;
  /** A plain `pg` pool for the hot reads written in SQL (see Context.sql). */
  sql?: SqlRunner;
  env: { publicWebhookBaseUrl: string; internalApiToken?: string };
  /** Path the router is mounted at; default "/api/trpc". */
  endpoint?: string;
  now?: () => Date;
  onError?: (error: unknown, path: string | undefined) => void;
};

const SESSION_CACHE_MS = 10_000;

/** A `(Request) => Promise<Response>` serving appRouter: the Next route and the HTTP test both use it. */
export function createFetchHandler(deps: FetchHandlerDeps): (req: Request) => Promise<Response> {
  const endpoint = deps.endpoint ?? "/api/trpc";
  // One set per server: sessions already verified (by Cookie header; a session revoked elsewhere is
  // honoured for at most SESSION_CACHE_MS) and memberships (see lib/read-caches.ts).
  const sessions = createTtlCache<Exclude<Session, null>>({ ttlMs: SESSION_CACHE_MS, max: 10_000 });
  const caches = createReadCaches();
  return (req) =>
    fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: async () =>
        createContextInner({
          db: deps.db,
          secrets: deps.secrets,
          calendlyFor: deps.calendlyFor,
          session: await sessionFromRequest(req, {
            ...(deps.auth ? { auth: deps.auth } : {}),
            ...(deps.env.internalApiToken ? { internalApiToken: deps.env.internalApiToken } : {}),
            cache: sessions,
          }),
          caches,
          ...(deps.sql ? { sql: deps.sql } : {}),
          ...(deps.now ? { now: deps.now } : {}),
          env: { publicWebhookBaseUrl: deps.env.publicWebhookBaseUrl },
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          (deps.onError ?? ((e, p) => console.error(`tRPC ${p ?? "?"} failed:`, e)))(error, path);
      },
    });
}
