// The one mapping writer: the worker's drainer, replay and (through the inbox) reconciliation all
// map deliveries here. One transaction per batch: lock the inbox rows, parse their stored bodies,
// find and lock the candidate leads, decide in arrival order (decide-batch.ts, decide.ts), write
// the leads, and record each row's result; the lead writes and the inbox status commit together,
// so a delivery is mapped exactly once however many workers run.
//
// Failures stay with their delivery: if a batch fails for a reason a rerun does not fix, its rows
// are mapped again one by one, each in a savepoint, so only the bad one fails. A batch is 5 round trips whatever its size: begin, claim, candidate leads, writes
// (write-batch.ts), commit. A failed delivery is tried again later with back-off (retry.ts) and after its last
// attempt stays FAILED with its error, for an operator to replay (replay fails at once: a person
// is watching). If the database goes away, nothing is recorded and the rows are mapped later.
import { isInviteeEvent, parseCalendlyWebhook } from "@booking/calendly/webhooks";
import { isDatabaseUnavailable, isRetryableConflict } from "../../lib/db-errors.ts";
import { inSavepoint, type SqlQuery, type SqlRunner } from "../../lib/sql.ts";
import { decideBatch, type Mapped, type MappingEvent } from "./decide-batch.ts";
import { now } from "./deps.ts";
import { inviteeFacts } from "./facts.ts";
import { type ClaimedDelivery, claimDeliveries, claimNextDeliveries } from "./inbox-table.ts";
import { lockCandidateLeads } from "./lead-table.ts";
import { CONFLICT_ATTEMPTS, MAPPING_ATTEMPTS, retryDelayMs, retrying } from "./retry.ts";
import { errorText } from "./text.ts";
import { type DeliveryResult, writeBatch } from "./write-batch.ts";

export type InboxDeps = { sql: SqlRunner; clock?: () => Date };

/** After a failed attempt: try again later (the worker), or stop here (replay: a person is watching). */
type FailurePolicy = "retry" | "final";

type Prepared =
  | { delivery: ClaimedDelivery; event: MappingEvent }
  | { delivery: ClaimedDelivery; event: null; result: Pick<DeliveryResult, "status" | "outcome" | "error"> };

const invalid = (delivery: ClaimedDelivery, error: unknown): Prepared => ({
  delivery,
  event: null,
  result: { status: "FAILED", outcome: "invalid_payload", error: errorText(error) },
});

/** What the stored body says, before any database work (pure; a body it cannot read fails alone, at once). */
function prepare(delivery: ClaimedDelivery): Prepared {
  const parsed = parseCalendlyWebhook(delivery.rawBody);
  if (parsed.ok && !isInviteeEvent(parsed.envelope.event)) {
    return { delivery, event: null, result: { status: "IGNORED", outcome: "unhandled_event", error: null } };
  }
  if (!parsed.ok) return invalid(delivery, parsed.error);
  if (!parsed.invitee) return invalid(delivery, "payload does not match Calendly's invitee schema");
  try {
    const event = parsed.envelope.event as Parameters<typeof inviteeFacts>[0];
    const facts = inviteeFacts(event, parsed.envelope.created_at, parsed.invitee);
    return { delivery, event: { workspaceId: delivery.clientId, facts } };
  } catch (error) {
    return invalid(delivery, error);
  }
}

type MappedDelivery = DeliveryResult & { leadCreated: boolean };

type Mappable = { delivery: ClaimedDelivery; event: MappingEvent };

const NOTHING_MAPPED = { leadId: null, changes: null, nextAttemptAt: null, leadCreated: false } as const;

function mapped(delivery: ClaimedDelivery, m: Mapped, at: Date): MappedDelivery {
  return { id: delivery.id, ...m, error: null, processedAt: at, nextAttemptAt: null };
}

function failure(delivery: ClaimedDelivery, error: unknown, at: Date, policy: FailurePolicy): MappedDelivery {
  const attempts = delivery.attempts + 1;
  const last = policy === "final" || attempts >= MAPPING_ATTEMPTS;
  return {
    id: delivery.id,
    status: last ? "FAILED" : "RECEIVED",
    outcome: last ? "mapping_failed" : "retrying",
    error: errorText(error),
    leadId: null,
    changes: null,
    processedAt: at,
    nextAttemptAt: last ? null : new Date(at.getTime() + retryDelayMs(attempts)),
    leadCreated: false,
  };
}

/** The rows that carry an invitee event to map, and the results of the others (ignored, unreadable). */
function split(claimed: ClaimedDelivery[], at: Date) {
  const prepared = claimed.map(prepare);
  return {
    items: prepared.filter((p): p is Mappable => p.event !== null),
    unmapped: prepared.flatMap((p): MappedDelivery[] =>
      p.event === null ? [{ id: p.delivery.id, ...p.result, ...NOTHING_MAPPED, processedAt: at }] : [],
    ),
  };
}

/**
 * Maps rows together: lock the candidate leads of their events, decide in arrival order, write the
 * leads with every row's result. Throws if any part fails (nothing is then written).
 */
async function mapTogether(tx: SqlQuery, claimed: ClaimedDelivery[], at: Date): Promise<MappedDelivery[]> {
  if (claimed.length === 0) return [];
  const { items, unmapped } = split(claimed, at);
  const events = items.map((i) => i.event);
  const leads = await lockCandidateLeads(tx, events);
  const { results, writes } = decideBatch(events, leads, at);
  const done = [...items.map((it, i) => mapped(it.delivery, results[i]!, at)), ...unmapped];
  await writeBatch(tx, writes, done, at);
  return done;
}

/**
 * Maps rows one by one, each in a savepoint (rerun when it lost a race), so one bad delivery fails
 * alone. A delivery after a failed one of the same invitee is left as it was (deferred: it stays
 * behind the retry), so the arrival order per invitee holds.
 */
async function mapOneByOne(
  tx: SqlQuery,
  claimed: ClaimedDelivery[],
  at: Date,
  policy: FailurePolicy,
): Promise<MappedDelivery[]> {
  const { items, unmapped } = split(claimed, at);
  const results: MappedDelivery[] = [];
  const failures: MappedDelivery[] = [];
  const failedInvitees = new Set<string>();
  for (const { delivery, event } of items) {
    if (failedInvitees.has(event.facts.uri)) continue;
    try {
      results.push(
        ...(await retrying(() => inSavepoint(tx, () => mapTogether(tx, [delivery], at)), {
          attempts: CONFLICT_ATTEMPTS,
          retryIf: isRetryableConflict,
        })),
      );
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      failedInvitees.add(event.facts.uri);
      failures.push(failure(delivery, error, at, policy));
    }
  }
  await writeBatch(tx, [], [...unmapped, ...failures], at);
  return [...results, ...unmapped, ...failures];
}

/**
 * Settings of a mapping transaction. A lead lock not granted within 5 s counts as a lost race
 * (rerun, then a failed attempt, retried later); a worker that stops talking mid-transaction (hung,
 * or its host gone) loses its locks after 30 s, so its deliveries go to another worker. The commit
 * does not wait for the disk: a mapping is redone from its stored delivery, so a crash that loses
 * the last mappings (a fraction of a second; PostgreSQL stays consistent, the lost transactions
 * simply did not happen and their rows are RECEIVED again) costs a re-mapping, never a delivery;
 * the inbox insert that accepted the delivery was durable before Calendly got its 200. Bitmap
 * scans are off: every statement here is a handful of index lookups, and the claim must walk
 * the queue's index in order (inbox-table.ts, claimNextDeliveries).
 */
const MAPPING_TRANSACTION = {
  lock_timeout: "5s",
  idle_in_transaction_session_timeout: "30s",
  synchronous_commit: "off",
  enable_bitmapscan: "off",
};

/** A transaction of the writer, rerun when it lost a race (a rerun claims afresh). */
function inTransaction<T>(deps: InboxDeps, fn: (tx: SqlQuery) => Promise<T>): Promise<T> {
  return retrying(() => deps.sql.transaction(fn, MAPPING_TRANSACTION), {
    attempts: CONFLICT_ATTEMPTS,
    retryIf: isRetryableConflict,
  });
}

export type BatchSummary = {
  claimed: number;
  processed: number;
  ignored: number;
  retrying: number;
  failed: number;
  deferred: number;
};

function summarize(claimed: number, results: MappedDelivery[]): BatchSummary {
  const count = (pred: (r: MappedDelivery) => boolean) => results.filter(pred).length;
  return {
    claimed,
    deferred: claimed - results.length,
    processed: count((r) => r.status === "PROCESSED"),
    ignored: count((r) => r.status === "IGNORED"),
    retrying: count((r) => r.status === "RECEIVED"),
    failed: count((r) => r.status === "FAILED"),
  };
}

type Batch = { claimed: ClaimedDelivery[]; results: MappedDelivery[] };

/**
 * A batch: its rows claimed and mapped together in one transaction (5 round trips: begin, claim,
 * candidate leads, writes, commit). If that fails for a reason a rerun does not fix, the rows are
 * claimed again (those still free and to map) and mapped one by one, so only the bad one fails.
 */
async function mapBatch(
  deps: InboxDeps,
  claim: (tx: SqlQuery, ids?: string[]) => Promise<ClaimedDelivery[]>,
  policy: FailurePolicy,
): Promise<Batch> {
  const at = now(deps);
  let ids: string[] = [];
  try {
    return await inTransaction(deps, async (tx) => {
      const claimed = await claim(tx);
      ids = claimed.map((c) => c.id);
      return { claimed, results: await mapTogether(tx, claimed, at) };
    });
  } catch (error) {
    if (isDatabaseUnavailable(error) || ids.length === 0) throw error;
  }
  return inTransaction(deps, async (tx) => {
    const claimed = await claim(tx, ids);
    return { claimed, results: await mapOneByOne(tx, claimed, at, policy) };
  });
}

/** Maps the next batch of the inbox (the worker's step): claimed 0 means nothing is ready now. */
export async function mapNextBatch(deps: InboxDeps, opts: { limit?: number } = {}): Promise<BatchSummary> {
  const { claimed, results } = await mapBatch(
    deps,
    async (tx, ids) =>
      ids
        ? (await claimDeliveries(tx, ids, { skipLocked: true })).filter((d) => d.status === "RECEIVED")
        : claimNextDeliveries(tx, { limit: opts.limit ?? 64, at: now(deps) }),
    "retry",
  );
  return summarize(claimed.length, results);
}

/** Maps batches until nothing is ready (operators, tests; the worker runs mapNextBatch on wake-ups). */
export async function drainInbox(deps: InboxDeps, opts: { limit?: number } = {}): Promise<BatchSummary> {
  const total: BatchSummary = { claimed: 0, processed: 0, ignored: 0, retrying: 0, failed: 0, deferred: 0 };
  for (;;) {
    const s = await mapNextBatch(deps, opts);
    if (s.claimed === 0) return total;
    for (const k of Object.keys(total) as Array<keyof BatchSummary>) total[k] += s[k];
  }
}

export type ChosenResult = Pick<DeliveryResult, "id" | "status" | "outcome" | "error">;

/**
 * Maps the chosen deliveries now (replay): those FAILED or still RECEIVED; a delivery already
 * mapped (PROCESSED or IGNORED, possibly by a worker a moment ago) is left as it is and reported.
 * A failure is final (FAILED with the error), whatever the number of attempts.
 */
export async function mapChosenDeliveries(deps: InboxDeps, ids: string[]): Promise<ChosenResult[]> {
  let chosen: ClaimedDelivery[] = [];
  const { results } = await mapBatch(
    deps,
    async (tx) => {
      chosen = await claimDeliveries(tx, ids);
      return chosen.filter((d) => d.status === "FAILED" || d.status === "RECEIVED");
    },
    "final",
  );
  const byId = new Map(results.map((r) => [r.id, r]));
  return chosen.map(({ id, status, outcome, error }) => {
    const r = byId.get(id);
    return r ? { id, status: r.status, outcome: r.outcome, error: r.error } : { id, status, outcome, error };
  });
}
