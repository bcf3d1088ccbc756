// The API's typed environment (CONTRACT.md). One parse, at the composition root; services receive values.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { findRepoRoot } from "@booking/db/crypto";
import { z } from "zod";
import { EnvError, parseEnv, requireOAuthPair } from "./runtime.ts";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const secretToken = (name: string) =>
  optionalString.refine((v) => v === undefined || v.length >= 16, `${name} must be at least 16 characters`);

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, `${name} must be an http(s) URL`)
    .transform((v) => v.replace(/\/+$/, ""));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optionalString,
  CALENDLY_API_BASE_URL: httpUrl("CALENDLY_API_BASE_URL").default("https://api.calendly.com"),
  PUBLIC_WEBHOOK_BASE_URL: httpUrl("PUBLIC_WEBHOOK_BASE_URL").optional(),
  ADMIN_API_TOKEN: secretToken("ADMIN_API_TOKEN"),
  INTERNAL_API_TOKEN: secretToken("INTERNAL_API_TOKEN"),
  BETTER_AUTH_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 32,
    "BETTER_AUTH_SECRET must be at least 32 characters",
  ),
  BETTER_AUTH_URL: httpUrl("BETTER_AUTH_URL").optional(),
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().max(3600).default(180),
  CALENDLY_OAUTH_CLIENT_ID: optionalString,
  CALENDLY_OAUTH_CLIENT_SECRET: optionalString,
  CALENDLY_AUTH_BASE_URL: httpUrl("CALENDLY_AUTH_BASE_URL").default("https://auth.calendly.com"),
  // How many proxies in front of the web app append to X-Forwarded-For (0: none; the header is ignored).
  TRUST_PROXY: z.coerce
    .number({ message: "TRUST_PROXY must be a number of proxy hops" })
    .int()
    .min(0)
    .max(10)
    .default(0),
  // smtp(s)://user:pass@host:port: invitation links are mailed through it; unset: copied from the UI.
  SMTP_URL: optionalString.refine(
    (v) => v === undefined || /^smtps?:\/\//.test(v),
    "SMTP_URL must be an smtp:// or smtps:// URL",
  ),
});

export type ApiEnv = {
  nodeEnv: "development" | "test" | "production";
  databaseUrl: string | undefined;
  calendlyApiBaseUrl: string;
  publicWebhookBaseUrl: string;
  adminApiToken: string | undefined;
  internalApiToken: string | undefined;
  betterAuthSecret: string;
  betterAuthUrl: string | undefined;
  webhookToleranceSeconds: number;
  /** The Calendly OAuth app ("Connect with Calendly"); null: personal access tokens only. */
  calendlyOAuth: { clientId: string; clientSecret: string } | null;
  calendlyAuthBaseUrl: string;
  trustProxyHops: number;
  smtpUrl: string | undefined;
};

export { EnvError } from "./runtime.ts";

/**
 * Parses the environment. In production DATABASE_URL, PUBLIC_WEBHOOK_BASE_URL and BETTER_AUTH_SECRET
 * are required; elsewhere the webhook base defaults to http://localhost:3001 and the auth secret is
 * generated once into <repo>/.local/better-auth-secret (git-ignored), like the credentials key.
 */
export function loadApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const e = parseEnv(schema, source, "the API");
  const production = e.NODE_ENV === "production";
  if (production) {
    const missing = [
      !e.DATABASE_URL && "DATABASE_URL",
      !e.PUBLIC_WEBHOOK_BASE_URL && "PUBLIC_WEBHOOK_BASE_URL",
      !e.BETTER_AUTH_SECRET && "BETTER_AUTH_SECRET (32+ random characters: openssl rand -base64 32)",
    ].filter(Boolean);
    if (missing.length) throw new EnvError(`Missing required environment in production: ${missing.join(", ")}`);
  }
  requireOAuthPair(e);
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    calendlyApiBaseUrl: e.CALENDLY_API_BASE_URL,
    publicWebhookBaseUrl: e.PUBLIC_WEBHOOK_BASE_URL ?? "http://localhost:3001",
    adminApiToken: e.ADMIN_API_TOKEN,
    internalApiToken: e.INTERNAL_API_TOKEN,
    betterAuthSecret: e.BETTER_AUTH_SECRET ?? localDevAuthSecret(),
    betterAuthUrl: e.BETTER_AUTH_URL,
    webhookToleranceSeconds: e.WEBHOOK_TOLERANCE_SECONDS,
    calendlyOAuth:
      e.CALENDLY_OAUTH_CLIENT_ID && e.CALENDLY_OAUTH_CLIENT_SECRET
        ? { clientId: e.CALENDLY_OAUTH_CLIENT_ID, clientSecret: e.CALENDLY_OAUTH_CLIENT_SECRET }
        : null,
    calendlyAuthBaseUrl: e.CALENDLY_AUTH_BASE_URL,
    trustProxyHops: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
  };
}

/** A per-checkout auth secret for local runs, generated once and never committed. */
export function localDevAuthSecret(root = findRepoRoot() ?? process.cwd()): string {
  const file = join(root, ".local", "better-auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch {
    return readFileSync(file, "utf8").trim(); // another process won the race
  }
  return secret;
}
