// Store one delivery in the inbox and map it, in one transaction: either both happen or neither
// (and then the sender gets a 503 and retries). A mapping failure rolls the transaction back and
// the delivery is stored again on its own with status FAILED and the error, for an operator to
// replay. Duplicates (same workspace + idempotency key) only bump deliveryCount.
import type { InviteePayload } from "@booking/calendly/webhooks";
import type { WebhookEventStatus } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { isDatabaseUnavailable, isRetryableConflict, isUniqueViolation } from "./db-errors.ts";
import { now, sqlOf, type WebhookServiceDeps } from "./deps.ts";
import { Prisma } from "@booking/db";
import { inviteeFacts, isInviteeEvent, type InviteeFacts } from "./facts.ts";
import { idempotencyKey } from "./idempotency.ts";
import { insertInbox, markFailed, type InboxRow } from "./inbox.ts";
import { mapInviteeEvent } from "./map-invitee.ts";

export type DeliveryEnvelope = { event: string; created_at: string; payload: Record<string, unknown> };

export type DeliveryInput = {
  workspaceId: string;
  rawBody: string;
  envelope: DeliveryEnvelope;
  /** Present when the event is an invitee event whose payload matched the schema. */
  invitee?: InviteePayload;
  source?: "WEBHOOK" | "RECONCILIATION";
  /** The workspace's calendlyLastWebhookAt as read with its signing key (skips a redundant write). */
  lastWebhookAt?: Date | null;
};

export type DeliveryResult = {
  eventId: string;
  duplicate: boolean;
  status: WebhookEventStatus;
  outcome: string | null;
  error: string | null;
  leadId: string | null;
  leadCreated: boolean;
};

const MAX_ATTEMPTS = 5;

export function errorText(error: unknown): string {
  const msg = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return msg.length > 500 ? `${msg.slice(0, 497)}...` : msg;
}

function isForeignKeyViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === "object"; i++) {
    const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    if (o.code === "23503" || o.originalCode === "23503" || o.code === "P2003") return true;
    if (typeof o.message === "string" && /violates foreign key constraint|Foreign key constraint/i.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}

const fromRow = (row: InboxRow, duplicate: boolean): DeliveryResult => ({
  eventId: row.id,
  duplicate,
  status: row.status,
  outcome: duplicate ? "duplicate" : row.outcome,
  error: row.error,
  leadId: row.leadId,
  leadCreated: false,
});

export async function receiveDelivery(deps: WebhookServiceDeps, input: DeliveryInput): Promise<DeliveryResult> {
  const at = now(deps);
  const { workspaceId, envelope } = input;
  const source = input.source ?? "WEBHOOK";
  const event = envelope.event;
  const payloadUri = typeof envelope.payload.uri === "string" ? envelope.payload.uri : null;
  let facts: InviteeFacts | null = null;
  let unmapped: { status: WebhookEventStatus; outcome: string | null; error: string | null } | null = null;
  if (!isInviteeEvent(event)) {
    unmapped = { status: "IGNORED", outcome: "unhandled_event", error: null };
  } else if (!input.invitee) {
    unmapped = { status: "FAILED", outcome: "invalid_payload", error: "payload does not match Calendly's invitee schema" };
  } else {
    facts = inviteeFacts(event, envelope.created_at, input.invitee);
  }
  const key = idempotencyKey({
    event,
    createdAt: envelope.created_at,
    inviteeUri: facts?.uri ?? payloadUri,
    noShowUri: facts?.noShowUri ?? null,
    rawBody: input.rawBody,
  });
  const row = {
    workspaceId,
    source,
    eventName: event,
    idempotencyKey: key,
    inviteeUri: facts?.uri ?? payloadUri,
    eventCreatedAt: facts?.eventAt ?? null,
    rawBody: input.rawBody,
    receivedAt: at,
    countDuplicate: source === "WEBHOOK",
  };

  const sql = sqlOf(deps);
  let result: DeliveryResult | undefined;
  for (let attempt = 1; !result; attempt++) {
    try {
      result = await sql.transaction(async (tx) => {
        const stored = await insertInbox(tx, { ...row, lockEmail: facts?.email ?? null, initial: unmapped ?? { status: "RECEIVED", outcome: null, error: null } });
        if (!stored.inserted) return fromRow(stored, true);
        if (!facts) return fromRow(stored, false);
        const m = await mapInviteeEvent(tx, { eventId: stored.id, workspaceId, facts, at });
        return { eventId: stored.id, duplicate: false, status: m.status, outcome: m.outcome, error: null, leadId: m.leadId, leadCreated: m.leadCreated };
      });
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      if (isForeignKeyViolation(error)) throw new DomainError("NOT_FOUND", "Unknown workspace", { cause: error });
      if ((isRetryableConflict(error) || isUniqueViolation(error)) && attempt < MAX_ATTEMPTS) continue;
      // The mapping failed for a reason a retry will not fix: keep the delivery with its error.
      const failed = await markFailed(sql, { ...row, error: errorText(error) });
      result = fromRow(failed.row, !failed.inserted);
    }
  }

  if (source === "WEBHOOK") await touchLastWebhookAt(deps, workspaceId, at, input.lastWebhookAt);
  return result;
}

/** Client.calendlyLastWebhookAt, for the health view; written at most once a second per workspace. */
async function touchLastWebhookAt(deps: WebhookServiceDeps, workspaceId: string, at: Date, known: Date | null | undefined) {
  if (known && at.getTime() - known.getTime() < 1000) return;
  const before = new Date(at.getTime() - 1000);
  await sqlOf(deps).query(Prisma.sql`UPDATE "Client" SET "calendlyLastWebhookAt" = ${at}::timestamp(3)
    WHERE id = ${workspaceId} AND ("calendlyLastWebhookAt" IS NULL OR "calendlyLastWebhookAt" < ${before}::timestamp(3))`);
}
