// The WebhookEvent inbox, written with raw SQL: one statement stores a whole batch of deliveries
// (insert-or-count), after taking the (workspace, email) advisory locks of the batch.
import { Prisma, normalizeEmail, type WebhookEventStatus } from "@booking/db";
import type { SqlQuery } from "./sql.ts";
import { newId } from "./ids.ts";

export type InboxRow = {
  id: string;
  inserted: boolean;
  status: WebhookEventStatus;
  outcome: string | null;
  error: string | null;
  leadId: string | null;
};

export type InboxInsert = {
  workspaceId: string;
  /** A RECONCILIATION finding a delivery we already have is not a second delivery (not counted). */
  source: "WEBHOOK" | "RECONCILIATION";
  eventName: string;
  idempotencyKey: string;
  inviteeUri: string | null;
  eventCreatedAt: Date | null;
  rawBody: string;
  receivedAt: Date;
};

export type InboxInitial = { status: WebhookEventStatus; outcome: string | null; error: string | null };

export type InboxBatchItem = InboxInsert & {
  initial: InboxInitial;
  /** Identical deliveries (same workspace + key) in the batch: stored once, counted `copies` times. */
  copies: number;
  /** The invitee's email: the (workspace, email) advisory lock is taken before anything is written. */
  lockEmail: string | null;
};

/** The identity of an inbox row (unique in PostgreSQL). */
export const inboxKey = (r: { workspaceId: string; idempotencyKey: string }) => `${r.workspaceId}\u0000${r.idempotencyKey}`;

/**
 * Locks, then inserts-or-counts every item in one statement. Items must have distinct keys (ON
 * CONFLICT DO UPDATE cannot touch one row twice in a statement). Advisory locks are taken in the
 * order of their lock keys and rows are inserted in key order, so concurrent batches (of this or
 * another process) cannot deadlock on them. Returns one row per item, in the items' order.
 */
export async function insertInboxBatch(tx: SqlQuery, items: InboxBatchItem[]): Promise<InboxRow[]> {
  if (items.length === 0) return [];
  const rows = items.map((r) => ({
    id: newId(),
    ws: r.workspaceId,
    source: r.source,
    event: r.eventName,
    key: r.idempotencyKey,
    uri: r.inviteeUri,
    created: r.eventCreatedAt?.toISOString() ?? null,
    body: r.rawBody,
    received: r.receivedAt.toISOString(),
    status: r.initial.status,
    outcome: r.initial.outcome,
    error: r.initial.error,
    attempts: r.initial.status === "RECEIVED" ? 0 : 1,
    processed: r.initial.status === "RECEIVED" ? null : r.receivedAt.toISOString(),
    count: r.source === "WEBHOOK" ? r.copies : 1,
  }));
  const locks = items.filter((r) => r.lockEmail !== null).map((r) => ({ ws: r.workspaceId, email: normalizeEmail(r.lockEmail!) }));
  const lockPart = locks.length === 0
    ? Prisma.empty
    : Prisma.sql`CROSS JOIN (SELECT count(pg_advisory_xact_lock(a, b)) FROM (
        SELECT DISTINCT hashtext(ws) AS a, hashtext(email) AS b FROM json_to_recordset(${JSON.stringify(locks)}::json) AS l(ws text, email text)
        ORDER BY 1, 2) s) lk`;
  const returned = await tx.query<InboxRow & { clientId: string; idempotencyKey: string }>(Prisma.sql`
    INSERT INTO "WebhookEvent" (id, "clientId", provider, source, "eventName", "idempotencyKey", "inviteeUri",
      "eventCreatedAt", "rawBody", "receivedAt", status, outcome, error, attempts, "processedAt", "deliveryCount")
    SELECT x.id, x.ws, 'calendly', x.source::"WebhookEventSource", x.event, x.key, x.uri, x.created, x.body, x.received,
      x.status::"WebhookEventStatus", x.outcome, x.error, x.attempts, x.processed, x.count
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id text, ws text, source text, event text, key text, uri text,
      created timestamp(3), body text, received timestamp(3), status text, outcome text, error text, attempts int,
      processed timestamp(3), count int)
    ${lockPart}
    ORDER BY x.ws, x.key
    ON CONFLICT ("clientId", "idempotencyKey") DO UPDATE SET "deliveryCount" = "WebhookEvent"."deliveryCount"
      + CASE WHEN excluded.source = 'WEBHOOK' THEN excluded."deliveryCount" ELSE 0 END
    RETURNING id, (xmax = 0) AS inserted, status::text AS status, outcome, error, "leadId", "clientId", "idempotencyKey"`);
  const byKey = new Map(returned.map((r) => [inboxKey({ workspaceId: r.clientId, idempotencyKey: r.idempotencyKey }), r]));
  return items.map((it) => {
    const r = byKey.get(inboxKey(it));
    if (!r) throw new Error("inbox insert returned no row for a delivery");
    return { id: r.id, inserted: r.inserted, status: r.status, outcome: r.outcome, error: r.error, leadId: r.leadId };
  });
}

/** Stores a delivery whose mapping failed (its own statement, after the mapping transaction rolled back). */
export async function markFailed(db: SqlQuery, r: InboxInsert & { copies: number; error: string }): Promise<InboxRow> {
  const [row] = await insertInboxBatch(db, [{ ...r, lockEmail: null, initial: { status: "FAILED", outcome: "mapping_failed", error: r.error } }]);
  return row!;
}
