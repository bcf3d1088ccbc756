// Entry point: `node dist/main.js` (built) or `tsx src/main.ts`. Several may run at once.
import { createCalendlyClientFactory, createCalendlyOAuthClient } from "@booking/calendly";
import { createDb, secretBoxFromEnv } from "@booking/db";
import pg from "pg";
import { pino } from "pino";
import { EnvError, loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startWorker } from "./worker.ts";

async function main() {
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

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await worker.stop();
    await Promise.allSettled([db.$disconnect(), pool.end()]);
    logger.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  const message = error instanceof EnvError || error instanceof Error ? error.message : String(error);
  console.error(`worker failed to start: ${message}`);
  process.exit(1);
});
