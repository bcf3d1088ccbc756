// The WebhookEvent inbox, written with raw SQL: one statement stores a whole batch of deliveries
// (insert-or-count), each row written once, with its mapping result when it has one.
import { Prisma, type WebhookEventStatus } from "@booking/db";
import { newId } from "./ids.ts";
import type { SqlQuery } from "./sql.ts";

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

export type InboxInitial = {
  status: WebhookEventStatus;
  outcome: string | null;
  error: string | null;
  leadId?: string | null;
};

export type InboxBatchItem = InboxInsert & {
  /** What the row is stored with: RECEIVED, or already its final result (mapped in the same transaction). */
  initial: InboxInitial;
  /** Identical deliveries (same workspace + key) in the batch: stored once, counted `copies` times. */
  copies: number;
};

/** The identity of an inbox row (unique in PostgreSQL). */
export const inboxKey = (r: { workspaceId: string; idempotencyKey: string }) =>
  `${r.workspaceId}\u0000${r.idempotencyKey}`;

/** A sub-select (json): the inbox rows that already exist for these keys. */
export function existingInboxJson(items: Array<{ workspaceId: string; idempotencyKey: string }>): Prisma.Sql {
  const keys = items.map((r) => ({ ws: r.workspaceId, key: r.idempotencyKey }));
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object('ws', w."clientId", 'key', w."idempotencyKey")), '[]') FROM "WebhookEvent" w
    WHERE (w."clientId", w."idempotencyKey") IN (SELECT ws, key FROM json_to_recordset(${JSON.stringify(keys)}::json) AS k(ws text, key text)))`;
}

/**
 * Inserts-or-counts every item in one statement (after the optional `with` CTEs, e.g. the lead
 * writes of the same batch: foreign keys are checked at the statement's end). Items must have
 * distinct keys (ON CONFLICT DO UPDATE cannot touch one row twice in a statement); rows are
 * inserted in key order, so concurrent batches wait for each other in one order. Returns one row
 * per item, in the items' order; `inserted` is false for a row that already existed.
 */
export async function insertInboxBatch(
  tx: SqlQuery,
  items: InboxBatchItem[],
  withCtes: Prisma.Sql = Prisma.empty,
): Promise<InboxRow[]> {
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
    lead: r.initial.leadId ?? null,
    attempts: r.initial.status === "RECEIVED" ? 0 : 1,
    processed: r.initial.status === "RECEIVED" ? null : r.receivedAt.toISOString(),
    count: r.source === "WEBHOOK" ? r.copies : 1,
  }));
  const returned = await tx.query<InboxRow & { clientId: string; idempotencyKey: string }>(Prisma.sql`
    ${withCtes}
    INSERT INTO "WebhookEvent" (id, "clientId", provider, source, "eventName", "idempotencyKey", "inviteeUri",
      "eventCreatedAt", "rawBody", "receivedAt", status, outcome, error, "leadId", attempts, "processedAt", "deliveryCount")
    SELECT x.id, x.ws, 'calendly', x.source::"WebhookEventSource", x.event, x.key, x.uri, x.created, x.body, x.received,
      x.status::"WebhookEventStatus", x.outcome, x.error, x.lead, x.attempts, x.processed, x.count
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id text, ws text, source text, event text, key text, uri text,
      created timestamp(3), body text, received timestamp(3), status text, outcome text, error text, lead text, attempts int,
      processed timestamp(3), count int)
    ORDER BY x.ws, x.key
    ON CONFLICT ("clientId", "idempotencyKey") DO UPDATE SET "deliveryCount" = "WebhookEvent"."deliveryCount"
      + CASE WHEN excluded.source = 'WEBHOOK' THEN excluded."deliveryCount" ELSE 0 END
    RETURNING id, (xmax = 0) AS inserted, status::text AS status, outcome, error, "leadId", "clientId", "idempotencyKey"`);
  const byKey = new Map(
    returned.map((r) => [inboxKey({ workspaceId: r.clientId, idempotencyKey: r.idempotencyKey }), r]),
  );
  return items.map((it) => {
    const r = byKey.get(inboxKey(it));
    if (!r) throw new Error("inbox insert returned no row for a delivery");
    return { id: r.id, inserted: r.inserted, status: r.status, outcome: r.outcome, error: r.error, leadId: r.leadId };
  });
}

/** Stores a delivery whose mapping failed (its own statement, after the mapping transaction rolled back). */
export async function markFailed(db: SqlQuery, r: InboxInsert & { copies: number; error: string }): Promise<InboxRow> {
  const [row] = await insertInboxBatch(db, [
    { ...r, initial: { status: "FAILED", outcome: "mapping_failed", error: r.error } },
  ]);
  return row!;
}
