// Group commit for the webhooks server: deliveries that arrive while a batch is being stored wait,
// and go together as the next batch (one INSERT statement whatever its size). No timer: a lone
// delivery is stored at once. Every delivery is answered only once its batch is durably stored,
// with its own result, as if it had been alone (storeDeliveries); exactly-once comes from
// PostgreSQL's unique (workspace, idempotency key), so several processes may batch at once.

import type { SqlRunner } from "../../lib/sql.ts";
import { touchLastWebhookAt } from "./client-table.ts";
import { now } from "./deps.ts";
import { type Delivery, type StoredDelivery, storeDeliveries } from "./receive.ts";

export type DeliveryBatcher = {
  submit(delivery: Delivery): Promise<StoredDelivery>;
  /** Refuses new deliveries and resolves once every accepted one is answered. */
  close(): Promise<void>;
};

export type DeliveryBatcherOptions = {
  /** Most deliveries per statement (default 64). */
  maxBatch?: number;
  /** Batches in flight at once, each on its own connection (default 1; see the README bench). */
  concurrency?: number;
};

type Pending = { delivery: Delivery; resolve(r: StoredDelivery): void; reject(e: unknown): void };

/** Client.calendlyLastWebhookAt, at most once a second per workspace and process, after the batch and outside it. */
function lastWebhookToucher(deps: { sql: SqlRunner; clock?: () => Date }) {
  const touched = new Map<string, number>();
  return async (workspaceIds: string[]) => {
    const at = now(deps);
    const due = [...new Set(workspaceIds)].filter((id) => at.getTime() - (touched.get(id) ?? 0) >= 1000);
    if (due.length === 0) return;
    if (touched.size > 10_000) touched.clear();
    for (const id of due) touched.set(id, at.getTime());
    try {
      await touchLastWebhookAt(deps.sql, due, at);
    } catch {
      // Only a health timestamp, and the deliveries are stored: try again with a later batch.
      for (const id of due) touched.delete(id);
    }
  };
}

export function createDeliveryBatcher(
  deps: { sql: SqlRunner; clock?: () => Date },
  opts: DeliveryBatcherOptions = {},
): DeliveryBatcher {
  const maxBatch = Math.max(1, opts.maxBatch ?? 64);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const touch = lastWebhookToucher(deps);
  let queue: Pending[] = [];
  let inFlight = 0;
  let closed = false;
  let idle: (() => void) | null = null;

  async function run(batch: Pending[]) {
    try {
      const results = await storeDeliveries(
        deps.sql,
        batch.map((p) => p.delivery),
        now(deps),
      );
      batch.forEach((p, i) => {
        const r = results[i]!;
        if (r instanceof Error) p.reject(r);
        else p.resolve(r);
      });
      await touch(batch.flatMap((p, i) => (results[i] instanceof Error ? [] : [p.delivery.workspaceId])));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  function pump() {
    while (inFlight < concurrency && queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
    if (inFlight === 0 && queue.length === 0 && idle) idle();
  }

  return {
    submit(delivery) {
      if (closed) return Promise.reject(new Error("the delivery batcher is closed"));
      return new Promise<StoredDelivery>((resolve, reject) => {
        queue.push({ delivery, resolve, reject });
        pump();
      });
    },
    close() {
      closed = true;
      if (inFlight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle = resolve;
      });
    },
  };
}
