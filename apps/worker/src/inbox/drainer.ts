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
  /** Batches mapped at once while there is a backlog (default 2; a steady trickle is mapped one batch at a time). */
  concurrency?: number;
  /** Looks for work this often without a notification (default 1 s). */
  pollMs?: number;
};

export type InboxDrainer = {
  /** Finishes the batches in hand and stops; what is left stays in the inbox for the next worker. */
  stop(): Promise<void>;
};

const MAX_ERROR_BACKOFF_MS = 30_000;

export function startInboxDrainer(opts: InboxDrainerOptions): InboxDrainer {
  const { logger } = opts;
  const deps = { sql: pgSqlRunner(opts.pool), clock: opts.clock };
  const batchSize = opts.batchSize ?? 64;
  const pollMs = opts.pollMs ?? 1000;
  let running = true;
  /** Wake-ups of the loops that are waiting for work. */
  const waiting: Array<() => void> = [];
  /** Loops mapping a batch now. */
  let busy = 0;
  /** Work was announced while a loop was busy: the next loop to look for work goes at once. */
  let announced = false;

  /** Another loop starts (a backlog: a batch came back full). */
  const wakeOne = () => {
    const wake = waiting.shift();
    if (wake) wake();
    else announced = true;
  };
  /**
   * Deliveries were stored. A busy loop takes them with its next batch (what arrives while a batch
   * is mapped goes together: fewer, larger transactions); only when none is busy does one wake.
   */
  const notified = () => {
    if (busy > 0) announced = true;
    else wakeOne();
  };
  const listener = listen({ pool: opts.pool, channel: INBOX_CHANNEL, onNotify: notified, logger });

  /** Until work is announced, `ms` pass, or stop. */
  function sleep(ms: number): Promise<void> {
    if (announced || !running) {
      announced = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        const i = waiting.indexOf(wake);
        if (i >= 0) waiting.splice(i, 1);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiting.push(wake);
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
      const started = performance.now();
      busy++;
      try {
        const s = await mapNextBatch(deps, { limit: batchSize });
        busy--;
        errors = 0;
        if (s.claimed > 0) {
          report(s, performance.now() - started);
          // A full batch: there is likely more, so another loop may help.
          if (s.claimed >= batchSize) wakeOne();
          continue;
        }
      } catch (error) {
        // The database is away (or the batch failed as a whole): nothing was recorded; try later.
        busy--;
        errors++;
        logger.warn({ err: { message: (error as Error).message }, errors }, "inbox batch failed");
        await sleep(Math.min(MAX_ERROR_BACKOFF_MS, pollMs * 2 ** Math.min(errors, 5)));
        continue;
      }
      await sleep(pollMs);
    }
  }

  const loops = Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, loop);
  return {
    async stop() {
      running = false;
      for (const wake of [...waiting]) wake();
      await Promise.all(loops);
      await listener.close();
    },
  };
}
