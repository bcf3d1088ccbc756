// The worker process's engine, independent of the environment: the inbox drainer (webhook
// deliveries mapped shortly after they are stored, SPEC section 7) and graphile-worker running the
// scheduled tasks (subscription health, reconciliation, token refresh, retention) from one task
// list. Everything it coordinates with other workers lives in PostgreSQL, so any number may run.
import type { CalendlyClientFactory, CalendlyOAuthClient } from "@booking/calendly";
import type { Db, SecretBox } from "@booking/db";
import { Logger as GraphileLogger, type LogLevel, run } from "graphile-worker";
import type pg from "pg";
import { startInboxDrainer } from "./inbox/drainer.ts";
import type { Logger } from "./logger.ts";
import { CRONTAB, STARTUP_JOBS, taskList } from "./tasks/index.ts";

type WorkerSettings = {
  /** CALENDLY_HEALTH_INTERVAL_SECONDS */
  healthIntervalSeconds: number;
  /** INBOX_RETENTION_DAYS */
  inboxRetentionDays: number;
  /** Scheduled jobs run at once in this process. */
  concurrency: number;
  /** PUBLIC_WEBHOOK_BASE_URL: where repaired subscriptions point. */
  publicWebhookBaseUrl: string;
};

export type WorkerDeps = {
  db: Db;
  /** Plain pg pool: graphile-worker's connections and the inbox drainer's hot path. */
  pool: pg.Pool;
  secrets: SecretBox;
  calendlyFor: CalendlyClientFactory;
  /** The Calendly OAuth app (token refresh); null: personal access tokens only. */
  oauth: CalendlyOAuthClient | null;
  logger: Logger;
  clock: () => Date;
  settings: WorkerSettings;
};

export type RunningWorker = {
  /** Finishes the work in hand (a batch, a job) and stops; nothing is lost if it never returns. */
  stop(): Promise<void>;
};

// graphile-worker reports every job it completes at info: a health check per workspace per
// interval would drown the log, so those lines are debug; what a job did that matters is recorded
// by the job itself (integration events, the inbox).
const LEVEL: Record<LogLevel, "error" | "warn" | "info" | "debug"> = {
  error: "error",
  warning: "warn",
  info: "debug",
  debug: "debug",
};

/** graphile-worker's log lines through our pino logger. */
function graphileLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    logger[LEVEL[level]]({ scope: { ...scope }, ...(meta ? { meta } : {}) }, message);
  });
}

export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const inbox = startInboxDrainer({ pool: deps.pool, logger: deps.logger.child({ part: "inbox" }), clock: deps.clock });
  let runner: Awaited<ReturnType<typeof run>>;
  try {
    runner = await run({
      pgPool: deps.pool,
      concurrency: deps.settings.concurrency,
      taskList: taskList(deps),
      crontab: CRONTAB,
      // Jobs scheduled ahead (the health checks) start within a quarter of their interval.
      pollInterval: Math.min(2_000, Math.max(100, deps.settings.healthIntervalSeconds * 250)),
      noHandleSignals: true,
      logger: graphileLogger(deps.logger),
    });
    for (const job of STARTUP_JOBS)
      await runner.addJob(job.identifier, {}, { jobKey: job.jobKey, jobKeyMode: "preserve_run_at" });
  } catch (error) {
    await inbox.stop();
    throw error;
  }
  return {
    async stop() {
      await Promise.all([inbox.stop(), runner.stop()]);
    },
  };
}
