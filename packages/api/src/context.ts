import type { CalendlyClientFactory, CalendlyOAuthClient } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";
import type { ReadCaches } from "./lib/read-caches.ts";
import type { SqlRunner } from "./lib/sql.ts";
import type { InvitationMailer } from "./services/members/mailer.ts";

/** Who is calling: a signed-in member, a platform admin (internal bearer token), or nobody. */
export type Session = { kind: "user"; email: string; name: string } | { kind: "platform" } | null;

type ContextEnv = {
  /** Origin of the webhooks server; a workspace's hook is `${publicWebhookBaseUrl}/webhooks/calendly/<id>`. */
  publicWebhookBaseUrl: string;
  /** Label of the internal service calling with the bearer token, for logs. */
  internalCaller?: string;
  /** The web app's public origin (BETTER_AUTH_URL), for invitation links. */
  appUrl?: string;
  /** Mails invitation links where SMTP_URL is configured. */
  mailer?: InvitationMailer | null;
};

export type CreateContextOptions = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  /** The Calendly OAuth app (token refresh, revocation); null or absent: personal access tokens only. */
  calendlyOAuth?: CalendlyOAuthClient | null;
  session: Session;
  now?: () => Date;
  env: ContextEnv;
  /** Caches of the HTTP read path (memberships, leads' workspaces); absent: always read the database. */
  caches?: ReadCaches;
  /** A plain `pg` pool for hot reads written in SQL (leads.list); absent: they run through Prisma. */
  sql?: SqlRunner;
};

export type Context = {
  db: Db;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  calendlyOAuth: CalendlyOAuthClient | null;
  session: Session;
  now: () => Date;
  env: ContextEnv;
  caches?: ReadCaches;
  sql?: SqlRunner;
};

/** The injectable context: tests call it directly; the HTTP adapter derives `session` and calls it. */
export async function createContextInner(opts: CreateContextOptions): Promise<Context> {
  return {
    db: opts.db,
    secrets: opts.secrets,
    calendlyFor: opts.calendlyFor,
    calendlyOAuth: opts.calendlyOAuth ?? null,
    session: opts.session,
    now: opts.now ?? (() => new Date()),
    env: opts.env,
    ...(opts.caches ? { caches: opts.caches } : {}),
    ...(opts.sql ? { sql: opts.sql } : {}),
  };
}
