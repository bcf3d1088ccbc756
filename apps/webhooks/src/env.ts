// Typed environment of the webhooks server and its operator commands.
import { parseEnv, requireOAuthPair } from "@booking/api/runtime";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (PostgreSQL connection string)"),
  WEBHOOKS_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  WEBHOOKS_HOST: z.string().min(1).default("0.0.0.0"),
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(180),
  CALENDLY_API_BASE_URL: z.url().default("https://api.calendly.com"),
  /** `pnpm db:reconcile` refreshes an OAuth workspace's token through the Calendly OAuth app. */
  CALENDLY_AUTH_BASE_URL: z.url().default("https://auth.calendly.com"),
  CALENDLY_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  CALENDLY_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Batches stored and mapped at once (group commit); see README "Benchmark". */
  WEBHOOKS_BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  WEBHOOKS_MAX_BATCH: z.coerce.number().int().min(1).max(1000).default(64),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WebhooksEnv = z.infer<typeof schema>;

export function loadEnv(env: NodeJS.ProcessEnv = process.env): WebhooksEnv {
  const e = parseEnv(schema, env, "the webhooks server");
  requireOAuthPair(e);
  return e;
}
