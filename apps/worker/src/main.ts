// Entry point: `node dist/main.js` (built) or `tsx src/main.ts`. Several may run at once.
import { type Running, runProcess } from "@booking/api/runtime";
import { createCalendlyClientFactory, createCalendlyOAuthClient } from "@booking/calendly";
import { createDb, secretBoxFromEnv } from "@booking/db";
import pg from "pg";
import { pino } from "pino";
import { loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startWorker } from "./worker.ts";

async function start(): Promise<Running> {
  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, destination: pino.destination({ sync: false }) });
  const db = createDb({ url: env.DATABASE_URL, max: 4 });
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  // An idle client losing its server (database restart) must not crash the process.
  const lost = (error: Error) => logger.warn({ err: { message: error.message } }, "database connection lost");
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  const worker = await startWorker({
    db,
    pool,
    secrets: secretBoxFromEnv(process.env),
    calendlyFor: createCalendlyClientFactory({ baseUrl: env.CALENDLY_API_BASE_URL }),
    oauth:
      env.CALENDLY_OAUTH_CLIENT_ID && env.CALENDLY_OAUTH_CLIENT_SECRET
        ? createCalendlyOAuthClient({
            clientId: env.CALENDLY_OAUTH_CLIENT_ID,
            clientSecret: env.CALENDLY_OAUTH_CLIENT_SECRET,
            authBaseUrl: env.CALENDLY_AUTH_BASE_URL,
          })
        : null,
    logger,
    clock: () => new Date(),
    settings: {
      healthIntervalSeconds: env.CALENDLY_HEALTH_INTERVAL_SECONDS,
      inboxRetentionDays: env.INBOX_RETENTION_DAYS,
      concurrency: env.WORKER_CONCURRENCY,
      publicWebhookBaseUrl: env.PUBLIC_WEBHOOK_BASE_URL,
    },
  });
  logger.info({ healthIntervalSeconds: env.CALENDLY_HEALTH_INTERVAL_SECONDS }, "worker started");

  return {
    logger,
    graceMs: 15_000,
    close: async () => {
      await worker.stop();
      await Promise.allSettled([db.$disconnect(), pool.end()]);
    },
  };
}

runProcess("the worker", start);
