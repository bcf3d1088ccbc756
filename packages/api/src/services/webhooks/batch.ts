// Group commit for the webhooks server: deliveries that arrive while a batch is being stored and
// mapped wait, and go together as the next batch (one transaction, a handful of statements
// whatever its size, see receive.ts). No timer: a lone delivery starts at once. Every delivery is
// answered only after its batch committed, with its own result, as if it had been alone
// (receiveDeliveries): exactly-once comes from PostgreSQL, so several processes may batch at once.
import { now, type WebhookServiceDeps } from "./deps.ts";
import { type DeliveryInput, type DeliveryResult, receiveDeliveries, touchLastWebhookAt } from "./receive.ts";

export type DeliveryBatcher = {
  submit(input: DeliveryInput): Promise<DeliveryResult>;
  /** Refuses new deliveries and resolves once every accepted one is answered. */
  close(): Promise<void>;
};

export type DeliveryBatcherOptions = {
  /** Most deliveries per transaction (default 64). */
  maxBatch?: number;
  /** Batches in flight at once, each on its own connection (default 1: the largest batches; see the README bench). */
  concurrency?: number;
};

type Pending = { input: DeliveryInput; resolve(r: DeliveryResult): void; reject(e: unknown): void };

export function createDeliveryBatcher(deps: WebhookServiceDeps, opts: DeliveryBatcherOptions = {}): DeliveryBatcher {
  const maxBatch = Math.max(1, opts.maxBatch ?? 64);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  let queue: Pending[] = [];
  let inFlight = 0;
  let closed = false;
  let idle: (() => void) | null = null;
  /** When this process last wrote each workspace's calendlyLastWebhookAt (at most once a second). */
  const touched = new Map<string, number>();

  async function touch(inputs: DeliveryInput[]) {
    const at = now(deps);
    const due = new Set<string>();
    for (const i of inputs) {
      if ((i.source ?? "WEBHOOK") !== "WEBHOOK") continue;
      const last = touched.get(i.workspaceId);
      if (last === undefined || at.getTime() - last >= 1000) due.add(i.workspaceId);
    }
    if (due.size === 0) return;
    for (const id of due) touched.set(id, at.getTime());
    if (touched.size > 10_000) touched.clear();
    try {
      await touchLastWebhookAt(deps, [...due], at);
    } catch {
      // Only a health timestamp, and the deliveries are stored: try again with a later batch.
      for (const id of due) touched.delete(id);
    }
  }

  async function run(batch: Pending[]) {
    try {
      const results = await receiveDeliveries(
        deps,
        batch.map((p) => p.input),
      );
      const accepted = batch.filter((_, i) => !(results[i] instanceof Error)).map((p) => p.input);
      await touch(accepted);
      batch.forEach((p, i) => {
        const r = results[i];
        if (r instanceof Error) p.reject(r);
        else p.resolve(r!);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  function pump() {
    while (inFlight < concurrency && queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
    if (inFlight === 0 && queue.length === 0 && idle) idle();
  }

  return {
    submit(input) {
      if (closed) return Promise.reject(new Error("delivery batcher is closed"));
      return new Promise<DeliveryResult>((resolve, reject) => {
        queue.push({ input, resolve, reject });
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
