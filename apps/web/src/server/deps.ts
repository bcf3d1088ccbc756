// The web process's composition root: env, database, secret box, auth, Calendly client factory.
// Built lazily on first request (so `next build` needs no runtime env) and kept on globalThis so
// dev hot reloads do not open a new pool each time. Server-only: never import from client code.
import { createAdminWorkspacesHandler, createAuth, createCalendlyClientFactory, createFetchHandler, EnvError, loadApiEnv, type ApiEnv, type Auth } from "@booking/api";
import { createDb, secretBoxFromEnv, type Db, type SecretBox } from "@booking/db";

export type ServerDeps = {
  env: ApiEnv;
  db: Db;
  secrets: SecretBox;
  auth: Auth;
  trpc: (req: Request) => Promise<Response>;
  adminWorkspaces: (req: Request) => Promise<Response>;
};

const globalForDeps = globalThis as unknown as { __bookingWebDeps?: ServerDeps };

function build(): ServerDeps {
  const env = loadApiEnv(process.env);
  if (!env.databaseUrl) throw new EnvError("DATABASE_URL is not set: the web app needs a PostgreSQL connection string");
  const db = createDb({ url: env.databaseUrl });
  const secrets = secretBoxFromEnv(process.env);
  const auth = createAuth({ db, secret: env.betterAuthSecret, ...(env.betterAuthUrl ? { baseURL: env.betterAuthUrl } : {}) });
  const calendlyFor = createCalendlyClientFactory({ baseUrl: env.calendlyApiBaseUrl });
  const trpc = createFetchHandler({
    db,
    secrets,
    calendlyFor,
    auth,
    env: { publicWebhookBaseUrl: env.publicWebhookBaseUrl, ...(env.internalApiToken ? { internalApiToken: env.internalApiToken } : {}) },
    endpoint: "/api/trpc",
  });
  const adminWorkspaces = createAdminWorkspacesHandler({ db, adminApiToken: env.adminApiToken });
  return { env, db, secrets, auth, trpc, adminWorkspaces };
}

export function serverDeps(): ServerDeps {
  return (globalForDeps.__bookingWebDeps ??= build());
}
