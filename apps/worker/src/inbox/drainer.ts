// The inbox drainer: the worker's half of inbox-first ingest. The inbox table is the queue: it
// maps stored deliveries in batches through the one mapping writer of packages/api
// (mapNextBatch: rows claimed FOR UPDATE SKIP LOCKED, in arrival order per invitee, lead writes
// and inbox status in one transaction), so any number of drainers may run against one database.
// It sleeps until the insert trigger NOTIFYs `webhook_inbox`, or until the slow poll (a missed
// notification, a lost LISTEN connection, a retry whose time has come), and keeps mapping while
// batches come back non-empty.
import { type BatchSummary, mapNextBatch, pgSqlRunner } from "@booking/api/services/webhooks";
import type pg from "pg";
import type { Logger } from "../logger.ts";
import { listen } from "./listen.ts";

export const INBOX_CHANNEL = "webhook_inbox";

export type InboxDrainerOptions = {
  pool: pg.Pool;
  logger: Logger;
  clock?: () => Date;
  /** Deliveries per mapping transaction (default 64). */
  batchSize?: number;
  /** Looks for work this often without a notification (default 1 s). */
  pollMs?: number;
};

export type InboxDrainer = {
  /** Finishes the batch in hand and stops; what is left stays in the inbox for the next worker. */
  stop(): Promise<void>;
};

const MAX_ERROR_BACKOFF_MS = 30_000;

export function startInboxDrainer(opts: InboxDrainerOptions): InboxDrainer {
  const { logger } = opts;
  const deps = { sql: pgSqlRunner(opts.pool), clock: opts.clock };
  const batchSize = opts.batchSize ?? 64;
  const pollMs = opts.pollMs ?? 1000;
  let running = true;
  let notified = false;
  let wake: (() => void) | null = null;

  const notify = () => {
    notified = true;
    wake?.();
  };
  const listener = listen({ pool: opts.pool, channel: INBOX_CHANNEL, onNotify: notify, logger });

  /** Until a notification (also one that came while mapping), `ms`, or stop. */
  function sleep(ms: number): Promise<void> {
    if (notified || !running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => wake?.(), ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  }

  function report(s: BatchSummary, ms: number) {
    const line = { ...s, durationMs: Math.round(ms * 10) / 10 };
    if (s.failed > 0 || s.retrying > 0) logger.warn(line, "inbox batch with failures");
    else logger.debug(line, "inbox batch");
  }

  async function loop() {
    let errors = 0;
    while (running) {
      notified = false;
      const started = performance.now();
      try {
        const s = await mapNextBatch(deps, { limit: batchSize });
        errors = 0;
        if (s.claimed > 0) {
          report(s, performance.now() - started);
          continue;
        }
      } catch (error) {
        // The database is away (or the batch failed as a whole): nothing was recorded; try later.
        errors++;
        logger.warn({ err: { message: (error as Error).message }, errors }, "inbox batch failed");
        await sleep(Math.min(MAX_ERROR_BACKOFF_MS, pollMs * 2 ** Math.min(errors, 5)));
        continue;
      }
      await sleep(pollMs);
    }
  }

  const done = loop();
  return {
    async stop() {
      running = false;
      wake?.();
      await done;
      await listener.close();
    },
  };
}
