// The statements of the webhook path on "WebhookEvent" (the inbox), each written whole here:
// store deliveries, claim them for mapping, record what mapping did, page the inbox, delete old rows.

import { Prisma, type WebhookEvent, type WebhookEventStatus } from "@booking/db";
import { type Columns, columnList, unnestRows } from "../../lib/columns.ts";
import type { Position } from "../../lib/keyset.ts";
import type { SqlQuery } from "../../lib/sql.ts";
import { newId } from "./ids.ts";

// ---- store (webhooks server, reconciliation)

const DELIVERY_COLUMNS = {
  id: "text",
  clientId: "text",
  source: '"WebhookEventSource"',
  eventName: "text",
  idempotencyKey: "text",
  inviteeUri: "text",
  eventCreatedAt: "timestamp(3)",
  rawBody: "text",
  receivedAt: "timestamp(3)",
  deliveryCount: "int",
} as const satisfies Columns<WebhookEvent>;

/** A delivery to store: `deliveryCount` copies of it arrived together. */
export type NewDelivery = Omit<Pick<WebhookEvent, keyof typeof DELIVERY_COLUMNS>, "id">;

export type StoredRow = { id: string; inserted: boolean; status: WebhookEventStatus };

const keyOf = (r: { clientId: string; idempotencyKey: string }) => `${r.clientId}\u0000${r.idempotencyKey}`;

/**
 * Inserts every delivery, or counts it on the row that has its (workspace, idempotency key)
 * (a redelivery by Calendly; a reconciliation's copy is not counted). One statement whatever their
 * number; rows are written in key order, so concurrent statements wait for each other in one
 * order. Keys must be distinct (a statement cannot touch one row twice). Returns one row per
 * delivery, in their order. The insert wakes the workers (trigger "WebhookEvent_notify_inbox").
 */
export async function insertDeliveries(q: SqlQuery, deliveries: NewDelivery[]): Promise<StoredRow[]> {
  if (deliveries.length === 0) return [];
  const rows = deliveries.map((d) => ({ ...d, id: newId() }));
  const returned = await q.query<StoredRow & { clientId: string; idempotencyKey: string }>(Prisma.sql`
    INSERT INTO "WebhookEvent" (${columnList(DELIVERY_COLUMNS)})
    SELECT ${columnList(DELIVERY_COLUMNS, "x")} FROM ${unnestRows(DELIVERY_COLUMNS, rows, "x")}
    ORDER BY x."clientId", x."idempotencyKey"
    ON CONFLICT ("clientId", "idempotencyKey") DO UPDATE SET "deliveryCount" = "WebhookEvent"."deliveryCount"
      + CASE WHEN excluded.source = 'WEBHOOK' THEN excluded."deliveryCount" ELSE 0 END
    RETURNING id, (xmax = 0) AS inserted, status::text AS status, "clientId", "idempotencyKey"`);
  const byKey = new Map(returned.map((r) => [keyOf(r), r]));
  return deliveries.map((d) => {
    const r = byKey.get(keyOf(d));
    if (!r) throw new Error("the inbox insert returned no row for a delivery");
    return { id: r.id, inserted: r.inserted, status: r.status };
  });
}

// ---- claim (the worker, replay)

const CLAIMED_COLUMNS = {
  id: "text",
  clientId: "text",
  eventName: "text",
  rawBody: "text",
  attempts: "int",
  status: '"WebhookEventStatus"',
  outcome: "text",
  error: "text",
} as const satisfies Columns<WebhookEvent>;

export type ClaimedDelivery = Pick<WebhookEvent, keyof typeof CLAIMED_COLUMNS>;

/**
 * Locks the next deliveries to map, oldest first, skipping rows another worker holds and rows
 * waiting for a retry, and returns them in arrival order. A delivery waits while an earlier one of
 * the same invitee is unmapped (held by another worker, waiting for a retry, or itself held back),
 * so the deliveries of one invitee are mapped in arrival order, several in one batch when none is
 * held elsewhere. The mapping transaction turns bitmap scans off (map-inbox.ts): the oldest rows
 * are then read in index order, LIMIT stops the scan, and each scan marks the index entries of
 * rows mapped meanwhile as dead, so a claim stays cheap however large the backlog or how long
 * since the last vacuum.
 */
export async function claimNextDeliveries(q: SqlQuery, opts: { limit: number; at: Date }): Promise<ClaimedDelivery[]> {
  return q.query<ClaimedDelivery>(Prisma.sql`
    WITH picked AS (
      SELECT id, "inviteeUri", "receivedAt" FROM "WebhookEvent"
      WHERE status = 'RECEIVED' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${opts.at}::timestamp(3))
      ORDER BY "receivedAt", id
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT ${columnList(CLAIMED_COLUMNS, "w")} FROM picked p
    JOIN "WebhookEvent" w ON w.id = p.id
    -- One index lookup per picked row.
    LEFT JOIN LATERAL (
      SELECT 1 AS held FROM "WebhookEvent" e
      WHERE e."inviteeUri" = p."inviteeUri" AND e.status = 'RECEIVED'
        AND (e."receivedAt", e.id) < (p."receivedAt", p.id)
        AND e.id NOT IN (SELECT id FROM picked)
      LIMIT 1) earlier ON true
    WHERE earlier.held IS NULL
    ORDER BY p."receivedAt", p.id`);
}

/**
 * Locks the chosen deliveries, oldest first: waiting for a transaction that holds one (then it
 * sees what that transaction did), or skipping it (`skipLocked`: another worker maps it).
 */
export async function claimDeliveries(
  q: SqlQuery,
  ids: string[],
  opts: { skipLocked?: boolean } = {},
): Promise<ClaimedDelivery[]> {
  return q.query<ClaimedDelivery>(Prisma.sql`
    SELECT ${columnList(CLAIMED_COLUMNS)} FROM "WebhookEvent"
    WHERE id = ANY(${ids}::text[])
    ORDER BY "receivedAt", id
    FOR UPDATE ${opts.skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty}`);
}

// ---- the Inbox page

const LIST_COLUMNS = {
  id: "text",
  eventName: "text",
  source: '"WebhookEventSource"',
  status: '"WebhookEventStatus"',
  outcome: "text",
  error: "text",
  receivedAt: "timestamp(3)",
  processedAt: "timestamp(3)",
  deliveryCount: "int",
  attempts: "int",
  leadId: "text",
  nextAttemptAt: "timestamp(3)",
  rawBody: "text",
} as const satisfies Columns<WebhookEvent>;

export type InboxListRow = Pick<WebhookEvent, keyof typeof LIST_COLUMNS>;

/** A page of a workspace's inbox, newest first, after the keyset `before` (index (clientId[, status], receivedAt, id)). */
export async function selectInboxPage(
  q: SqlQuery,
  opts: {
    workspaceId: string;
    status?: WebhookEventStatus;
    before?: Position;
    limit: number;
  },
): Promise<InboxListRow[]> {
  const status = opts.status ? Prisma.sql`AND status = ${opts.status}::"WebhookEventStatus"` : Prisma.empty;
  const before = opts.before
    ? Prisma.sql`AND ("receivedAt", id) < (${opts.before.at}::timestamp(3), ${opts.before.id})`
    : Prisma.empty;
  return q.query<InboxListRow>(Prisma.sql`
    SELECT ${columnList(LIST_COLUMNS)} FROM "WebhookEvent"
    WHERE "clientId" = ${opts.workspaceId} ${status} ${before}
    ORDER BY "receivedAt" DESC, id DESC
    LIMIT ${opts.limit}`);
}

/** Ids of rows to replay: the chosen ones (of the workspace, when given), or those with a status, oldest first. */
export async function selectReplayIds(
  q: SqlQuery,
  opts: { workspaceId?: string; ids?: string[]; status: WebhookEventStatus; limit: number },
): Promise<string[]> {
  const workspace = opts.workspaceId ? Prisma.sql`AND "clientId" = ${opts.workspaceId}` : Prisma.empty;
  const which = opts.ids
    ? Prisma.sql`id = ANY(${opts.ids}::text[])`
    : Prisma.sql`status = ${opts.status}::"WebhookEventStatus"`;
  const rows = await q.query<{ id: string }>(Prisma.sql`
    SELECT id FROM "WebhookEvent" WHERE ${which} ${workspace}
    ORDER BY "receivedAt", id LIMIT ${opts.limit}`);
  return rows.map((r) => r.id);
}

// ---- retention

/**
 * Deletes up to `limit` PROCESSED and IGNORED rows received before `before` (oldest first, rows
 * another transaction holds are left for the next run); FAILED and unmapped rows are kept.
 */
export async function deleteMappedBefore(q: SqlQuery, opts: { before: Date; limit: number }): Promise<number> {
  const [row] = await q.query<{ deleted: number }>(Prisma.sql`
    WITH old AS (
      SELECT id FROM "WebhookEvent"
      WHERE status IN ('PROCESSED', 'IGNORED') AND "receivedAt" < ${opts.before}::timestamp(3)
      ORDER BY status, "receivedAt", id
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    ), deleted AS (DELETE FROM "WebhookEvent" w USING old WHERE w.id = old.id RETURNING 1)
    SELECT count(*)::int AS deleted FROM deleted`);
  return row?.deleted ?? 0;
}
