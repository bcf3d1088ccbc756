// Typed environment of the worker (CONTRACT.md).
import { EnvError, parseEnv, requireOAuthPair } from "@booking/api/runtime";
import { z } from "zod";

const url = z.url().transform((v) => v.replace(/\/+$/, ""));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (PostgreSQL connection string)"),
  CALENDLY_API_BASE_URL: url.default("https://api.calendly.com"),
  CALENDLY_AUTH_BASE_URL: url.default("https://auth.calendly.com"),
  CALENDLY_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  CALENDLY_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  /** Origin of the webhooks server: a repaired subscription points at `<it>/webhooks/calendly/<id>`. */
  PUBLIC_WEBHOOK_BASE_URL: url.optional(),
  CALENDLY_HEALTH_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Scheduled jobs (health checks, reconciliation, token refresh, retention) run at once per process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WorkerEnv = z.infer<typeof schema> & { PUBLIC_WEBHOOK_BASE_URL: string };

export function loadEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const e = parseEnv(schema, env, "the worker");
  if (e.NODE_ENV === "production" && !e.PUBLIC_WEBHOOK_BASE_URL) {
    throw new EnvError("PUBLIC_WEBHOOK_BASE_URL is required in production: repaired subscriptions point at it");
  }
  requireOAuthPair(e);
  return { ...e, PUBLIC_WEBHOOK_BASE_URL: e.PUBLIC_WEBHOOK_BASE_URL ?? "http://localhost:3001" };
}
