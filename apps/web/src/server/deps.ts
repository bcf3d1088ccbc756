// The web process's composition root: env, database, secret box, auth, Calendly client factory.
// Built lazily on first request (so `next build` needs no runtime env) and kept on globalThis so
// dev hot reloads do not open a new pool each time. Server-only: never import from client code.
import {
  type ApiEnv,
  type Auth,
  type Context,
  createAdminWorkspacesHandler,
  createAuth,
  createCalendlyClientFactory,
  createContextInner,
  createFetchHandler,
  EnvError,
  loadApiEnv,
  sessionFromRequest,
} from "@booking/api";
import { createDb, type Db, type SecretBox, secretBoxFromEnv } from "@booking/db";
import { createSqlRunner } from "./sql-pool.ts";

export type ServerDeps = {
  env: ApiEnv;
  db: Db;
  secrets: SecretBox;
  auth: Auth;
  trpc: (req: Request) => Promise<Response>;
  /** The tRPC context for a server component rendering on behalf of the request with these headers. */
  rscContext: (headers: Headers) => Promise<Context>;
  adminWorkspaces: (req: Request) => Promise<Response>;
};

const globalForDeps = globalThis as unknown as { __bookingWebDeps?: ServerDeps };

function build(): ServerDeps {
  const env = loadApiEnv(process.env);
  if (!env.databaseUrl) throw new EnvError("DATABASE_URL is not set: the web app needs a PostgreSQL connection string");
  const db = createDb({ url: env.databaseUrl });
  const secrets = secretBoxFromEnv(process.env);
  const auth = createAuth({
    db,
    secret: env.betterAuthSecret,
    ...(env.betterAuthUrl ? { baseURL: env.betterAuthUrl } : {}),
  });
  const calendlyFor = createCalendlyClientFactory({ baseUrl: env.calendlyApiBaseUrl });
  const sql = createSqlRunner(env.databaseUrl);
  const trpc = createFetchHandler({
    db,
    secrets,
    calendlyFor,
    auth,
    sql,
    env: {
      publicWebhookBaseUrl: env.publicWebhookBaseUrl,
      ...(env.internalApiToken ? { internalApiToken: env.internalApiToken } : {}),
    },
    endpoint: "/api/trpc",
  });
  const adminWorkspaces = createAdminWorkspacesHandler({ db, adminApiToken: env.adminApiToken });
  const rscContext = async (headers: Headers) => {
    // Server components act only as the signed-in member (never with a bearer token).
    const cookieOnly = new Headers(headers);
    cookieOnly.delete("authorization");
    const session = await sessionFromRequest(new Request("http://rsc.internal/", { headers: cookieOnly }), { auth });
    return createContextInner({
      db,
      secrets,
      calendlyFor,
      sql,
      session,
      env: { publicWebhookBaseUrl: env.publicWebhookBaseUrl },
    });
  };
  return { env, db, secrets, auth, trpc, rscContext, adminWorkspaces };
}

export function serverDeps(): ServerDeps {
  globalForDeps.__bookingWebDeps ??= build();
  return globalForDeps.__bookingWebDeps;
}
