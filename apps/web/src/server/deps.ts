// The web process's composition root: env, database, secret box, auth, Calendly client factory.
// Built lazily on first request (so `next build` needs no runtime env) and kept on globalThis so
// dev hot reloads do not open a new pool each time. Server-only: never import from client code.
import {
  type ApiEnv,
  type Auth,
  type CalendlyClientFactory,
  type CalendlyOAuthClient,
  type Context,
  createAdminWorkspacesHandler,
  createAuth,
  createAuthHandler,
  createCalendlyClientFactory,
  createCalendlyOAuthClient,
  createContextInner,
  createFetchHandler,
  createInvitationMailer,
  createSignInThrottle,
  EnvError,
  loadApiEnv,
  type Session,
  sessionFromRequest,
} from "@booking/api";
import type { CalendlyIntegrationDeps } from "@booking/api/services";
import { createDb, type Db, type SecretBox, secretBoxFromEnv } from "@booking/db";
import { createSqlRunner } from "./sql-pool.ts";

export type ServerDeps = {
  env: ApiEnv;
  db: Db;
  secrets: SecretBox;
  auth: Auth;
  /** /api/auth/*: better-auth behind sign-up closure, sign-in throttling and a body cap. */
  authHandler: (req: Request) => Promise<Response>;
  trpc: (req: Request) => Promise<Response>;
  /** The tRPC context for a server component rendering on behalf of the request with these headers. */
  rscContext: (headers: Headers) => Promise<Context>;
  adminWorkspaces: (req: Request) => Promise<Response>;
  /** The signed-in member of a browser request (session cookie only), or null. */
  userSession: (req: Request) => Promise<Extract<Session, { kind: "user" }> | null>;
  /** What the Calendly services need, acting for `session` (Connect with Calendly routes). */
  calendlyServices: (session: Extract<Session, { kind: "user" }>) => CalendlyIntegrationDeps;
  /** `$BETTER_AUTH_URL/api/integrations/calendly/oauth/callback` (else the request's origin). */
  calendlyRedirectUri: (req: Request) => string;
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
  // Sign-in throttling counters live in PostgreSQL (shared by every web process): a small pool of their own.
  const throttle = createSignInThrottle(env.databaseUrl);
  const authHandler = createAuthHandler({
    auth,
    throttle,
    secret: env.betterAuthSecret,
    trustProxyHops: env.trustProxyHops,
  });
  const appUrl = env.betterAuthUrl;
  const mailer = env.smtpUrl
    ? createInvitationMailer(
        env.smtpUrl,
        `Meeting booking <no-reply@${new URL(appUrl ?? "http://localhost").hostname}>`,
      )
    : null;
  const calendlyFor: CalendlyClientFactory = createCalendlyClientFactory({ baseUrl: env.calendlyApiBaseUrl });
  // Unset client id/secret: personal access tokens only (no Connect with Calendly).
  const calendlyOAuth: CalendlyOAuthClient | null = env.calendlyOAuth
    ? createCalendlyOAuthClient({ ...env.calendlyOAuth, authBaseUrl: env.calendlyAuthBaseUrl })
    : null;
  const sql = createSqlRunner(env.databaseUrl);
  const trpc = createFetchHandler({
    db,
    secrets,
    calendlyFor,
    calendlyOAuth,
    auth,
    sql,
    env: {
      publicWebhookBaseUrl: env.publicWebhookBaseUrl,
      ...(env.internalApiToken ? { internalApiToken: env.internalApiToken } : {}),
      ...(appUrl ? { appUrl } : {}),
    },
    mailer,
    endpoint: "/api/trpc",
  });
  const adminWorkspaces = createAdminWorkspacesHandler({ db, adminApiToken: env.adminApiToken, appUrl, mailer });
  // Server components and browser routes act only as the signed-in member (never with a bearer token).
  const cookieSession = (headers: Headers) => {
    const cookieOnly = new Headers(headers);
    cookieOnly.delete("authorization");
    return sessionFromRequest(new Request("http://rsc.internal/", { headers: cookieOnly }), { auth });
  };
  const rscContext = async (headers: Headers) =>
    createContextInner({
      db,
      secrets,
      calendlyFor,
      calendlyOAuth,
      sql,
      session: await cookieSession(headers),
      env: { publicWebhookBaseUrl: env.publicWebhookBaseUrl, ...(appUrl ? { appUrl } : {}), mailer },
    });
  const userSession = async (req: Request) => {
    const session = await cookieSession(req.headers);
    return session?.kind === "user" ? session : null;
  };
  const calendlyServices = (session: Extract<Session, { kind: "user" }>): CalendlyIntegrationDeps => ({
    db,
    secrets,
    calendlyFor,
    oauth: calendlyOAuth,
    clock: () => new Date(),
    publicWebhookBaseUrl: env.publicWebhookBaseUrl,
    actor: `user:${session.email}`,
  });
  const calendlyRedirectUri = (req: Request) =>
    `${env.betterAuthUrl ?? new URL(req.url).origin}/api/integrations/calendly/oauth/callback`;
  return {
    env,
    db,
    secrets,
    auth,
    authHandler,
    trpc,
    rscContext,
    adminWorkspaces,
    userSession,
    calendlyServices,
    calendlyRedirectUri,
  };
}

export function serverDeps(): ServerDeps {
  globalForDeps.__bookingWebDeps ??= build();
  return globalForDeps.__bookingWebDeps;
}
