import type { CalendlyClientFactory, CalendlyOAuthClient } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type SessionReader, sessionFromRequest } from "../auth/session-from-request.ts";
import { createContextInner } from "../context.ts";
import { appRouter } from "../root.ts";

export type FetchHandlerDeps = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  calendlyOAuth?: CalendlyOAuthClient | null;
  /** better-auth instance (session cookies); omit to accept only the internal bearer token. */
  auth?: SessionReader;
  env: { publicWebhookBaseUrl: string; internalApiToken?: string };
  /** Path the router is mounted at; default "/api/trpc". */
  endpoint?: string;
  now?: () => Date;
  onError?: (error: unknown, path: string | undefined) => void;
};

/** A `(Request) => Promise<Response>` serving appRouter: the Next route and the HTTP test both use it. */
export function createFetchHandler(deps: FetchHandlerDeps): (req: Request) => Promise<Response> {
  const endpoint = deps.endpoint ?? "/api/trpc";
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
          calendlyOAuth: deps.calendlyOAuth ?? null,
          session: await sessionFromRequest(req, {
            ...(deps.auth ? { auth: deps.auth } : {}),
            ...(deps.env.internalApiToken ? { internalApiToken: deps.env.internalApiToken } : {}),
          }),
          ...(deps.now ? { now: deps.now } : {}),
          env: { publicWebhookBaseUrl: deps.env.publicWebhookBaseUrl },
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          (deps.onError ?? ((e, p) => console.error(`tRPC ${p ?? "?"} failed:`, e)))(error, path);
      },
    });
}
