// The WebhookEvent inbox, written with raw SQL: one round trip per delivery for the insert-or-count.
import { Prisma, type WebhookEventStatus } from "@booking/db";
import type { SqlQuery } from "./sql.ts";
import { newId } from "./ids.ts";
import type { Tx } from "./map-invitee.ts";

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
  source: "WEBHOOK" | "RECONCILIATION";
  eventName: string;
  idempotencyKey: string;
  inviteeUri: string | null;
  eventCreatedAt: Date | null;
  rawBody: string;
  receivedAt: Date;
  /** Reconciliation finding a delivery we already have is not a second delivery. */
  countDuplicate: boolean;
};

function insertSql(
  r: InboxInsert,
  initial: { status: WebhookEventStatus; outcome: string | null; error: string | null; attempts: number },
  lockEmail: string | null,
) {
  const values = Prisma.sql`${newId()}::text, ${r.workspaceId}::text, 'calendly', ${r.source}::"WebhookEventSource", ${r.eventName}::text,
    ${r.idempotencyKey}, ${r.inviteeUri}::text, ${r.eventCreatedAt}::timestamp(3), ${r.rawBody}, ${r.receivedAt}::timestamp(3),
    ${initial.status}::"WebhookEventStatus", ${initial.outcome}::text, ${initial.error}::text, ${initial.attempts}::int,
    ${initial.status === "RECEIVED" ? null : r.receivedAt}::timestamp(3)`;
  // With an email, first take the transaction's advisory lock for (workspace, email), so that two
  // deliveries about a new invitee cannot both decide to create a lead for the same person.
  const rows = lockEmail === null ? Prisma.sql`VALUES (${values})` : Prisma.sql`SELECT ${values} FROM (SELECT pg_advisory_xact_lock(hashtext(${r.workspaceId}), hashtext(${lockEmail.trim().toLowerCase()}))) lk`;
  return Prisma.sql`
    INSERT INTO "WebhookEvent" (id, "clientId", provider, source, "eventName", "idempotencyKey", "inviteeUri",
      "eventCreatedAt", "rawBody", "receivedAt", status, outcome, error, attempts, "processedAt")
    ${rows}
    ON CONFLICT ("clientId", "idempotencyKey") DO UPDATE SET "deliveryCount" = "WebhookEvent"."deliveryCount" + ${r.countDuplicate ? 1 : 0}
    RETURNING id, (xmax = 0) AS inserted, status::text AS status, outcome, error, "leadId"`;
}

export async function insertInbox(
  tx: Tx,
  r: InboxInsert & { lockEmail: string | null; initial: { status: WebhookEventStatus; outcome: string | null; error: string | null } },
): Promise<InboxRow> {
  const attempts = r.initial.status === "RECEIVED" ? 0 : 1;
  const rows = await tx.query<InboxRow>(insertSql(r, { ...r.initial, attempts }, r.lockEmail));
  return rows[0]!;
}

/** Stores a delivery whose mapping failed (its own statement, after the mapping transaction rolled back). */
export async function markFailed(db: SqlQuery, r: InboxInsert & { error: string }): Promise<{ inserted: boolean; row: InboxRow }> {
  const rows = await db.query<InboxRow>(insertSql(r, { status: "FAILED", outcome: "mapping_failed", error: r.error, attempts: 1 }, null));
  const row = rows[0]!;
  return { inserted: row.inserted, row };
}
