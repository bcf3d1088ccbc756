// Entry point: `node dist/server.js` (built) or `tsx src/server.ts`. Several may run at once.
import { type Running, runProcess } from "@booking/api/runtime";
import { secretBoxFromEnv } from "@booking/db";
import { pino } from "pino";
import { createWebhooksServer } from "./app.ts";
import { loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { createSqlPool } from "./services.ts";

async function start(): Promise<Running> {
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

  return {
    logger,
    graceMs: 10_000,
    close: async () => {
      await app.close();
      await pool.end().catch(() => {});
    },
  };
}

runProcess("the webhooks server", start);
