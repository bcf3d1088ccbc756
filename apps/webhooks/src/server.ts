// Entry point: `node dist/server.js` (built) or `tsx src/server.ts`. Several may run at once.
import { secretBoxFromEnv } from "@booking/db";
import { pino } from "pino";
import { createWebhooksServer } from "./app.ts";
import { EnvError, loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { createSqlPool } from "./services.ts";

async function main() {
  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, destination: pino.destination({ sync: false }) });
  const { pool, sql } = createSqlPool({
    url: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    applicationName: "booking-webhooks",
  });
  const app = createWebhooksServer({
    sql,
    secrets: secretBoxFromEnv(process.env),
    toleranceSeconds: env.WEBHOOK_TOLERANCE_SECONDS,
    logger,
    batchConcurrency: env.WEBHOOKS_BATCH_CONCURRENCY,
    maxBatch: env.WEBHOOKS_MAX_BATCH,
  });
  const url = await app.listen(env.WEBHOOKS_PORT, env.WEBHOOKS_HOST);
  logger.info({ url, toleranceSeconds: env.WEBHOOK_TOLERANCE_SECONDS }, "webhooks server listening");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await pool.end().catch(() => {});
    logger.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  const message = error instanceof EnvError || error instanceof Error ? error.message : String(error);
  console.error(`webhooks server failed to start: ${message}`);
  process.exit(1);
});
