// Store deliveries in the inbox and map them, in one transaction: either both happen or neither
// (and then the sender gets a 503 and retries). One delivery is a batch of one; the webhooks server
// groups concurrent deliveries into batches (batch.ts) through the same code. A batch that fails
// for a reason a retry will not fix is run again one delivery at a time, so one bad delivery
// cannot fail the others; a delivery whose mapping fails on its own is stored again with status
// FAILED and the error, for an operator to replay. Duplicates (same workspace + idempotency key,
// in the database or within the batch) only bump deliveryCount.
import type { InviteePayload } from "@booking/calendly/webhooks";
import { Prisma, type WebhookEventStatus } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { isDatabaseUnavailable, isRetryableConflict, isUniqueViolation } from "./db-errors.ts";
import { now, sqlOf, type WebhookServiceDeps } from "./deps.ts";
import { type InviteeFacts, inviteeFacts, isInviteeEvent } from "./facts.ts";
import { idempotencyKey } from "./idempotency.ts";
import {
  existingInboxJson,
  type InboxInitial,
  type InboxInsert,
  type InboxRow,
  inboxKey,
  insertInboxBatch,
  markFailed,
} from "./inbox.ts";
import { candidateLeadsFrom, candidateLeadsJson, decideBatch, leadWritesCtes } from "./map-invitee.ts";
import type { SqlRunner } from "./sql.ts";

export type DeliveryEnvelope = { event: string; created_at: string; payload: Record<string, unknown> };

export type DeliveryInput = {
  workspaceId: string;
  rawBody: string;
  envelope: DeliveryEnvelope;
  /** Present when the event is an invitee event whose payload matched the schema. */
  invitee?: InviteePayload;
  source?: "WEBHOOK" | "RECONCILIATION";
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
    if (typeof o.message === "string" && /violates foreign key constraint|Foreign key constraint/i.test(o.message))
      return true;
    e = o.cause;
  }
  return false;
}

/** One inbox row to write: identical deliveries of a batch share it. */
type Unit = { row: InboxInsert; facts: InviteeFacts | null; initial: InboxInitial; copies: number[] };

/** What the payload says, before any database work (pure; throws only on a payload parse already refused). */
function prepare(input: DeliveryInput, at: Date): Omit<Unit, "copies"> {
  const { workspaceId, envelope } = input;
  const source = input.source ?? "WEBHOOK";
  const event = envelope.event;
  const payloadUri = typeof envelope.payload.uri === "string" ? envelope.payload.uri : null;
  let facts: InviteeFacts | null = null;
  let initial: InboxInitial = { status: "RECEIVED", outcome: null, error: null };
  if (!isInviteeEvent(event)) {
    initial = { status: "IGNORED", outcome: "unhandled_event", error: null };
  } else if (!input.invitee) {
    initial = {
      status: "FAILED",
      outcome: "invalid_payload",
      error: "payload does not match Calendly's invitee schema",
    };
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
  return {
    row: {
      workspaceId,
      source,
      eventName: event,
      idempotencyKey: key,
      inviteeUri: facts?.uri ?? payloadUri,
      eventCreatedAt: facts?.eventAt ?? null,
      rawBody: input.rawBody,
      receivedAt: at,
    },
    facts,
    initial,
  };
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

/** The first copy gets the unit's result; the other copies of the batch are duplicates of it. */
const asCopy = (r: DeliveryResult): DeliveryResult => ({
  ...r,
  duplicate: true,
  outcome: "duplicate",
  leadCreated: false,
});

/** A mapped delivery's inbox row turned out to exist after all (a concurrent transaction stored it): run again. */
class ConcurrentDeliveryError extends Error {
  override name = "ConcurrentDeliveryError";
  /** Retried like a serialization failure (see isRetryableConflict). */
  readonly code = "40001";
}

/**
 * One transaction for all units, 2 statements whatever their number (retried on deadlock,
 * serialization failure or unique violation): read which keys the inbox already has and lock the
 * candidate leads; decide in TypeScript; write the leads and the inbox rows, each once.
 */
async function storeAndMap(sql: SqlRunner, units: Unit[], at: Date): Promise<DeliveryResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sql.transaction(async (tx) => {
        const invitee = units
          .filter((u) => u.facts !== null)
          .map((u) => ({ workspaceId: u.row.workspaceId, facts: u.facts! }));
        const [read] = await tx.query<{
          inbox: unknown;
          leads: unknown;
        }>(Prisma.sql`SELECT ${existingInboxJson(units.map((u) => u.row))} AS inbox,
          ${invitee.length > 0 ? candidateLeadsJson(invitee) : Prisma.sql`'[]'::json`} AS leads`);
        const existing = new Set(
          jsonRows<{ ws: string; key: string }>(read!.inbox).map((r) =>
            inboxKey({ workspaceId: r.ws, idempotencyKey: r.key }),
          ),
        );
        const toMap = units.filter((u) => u.facts !== null && !existing.has(inboxKey(u.row)));
        const { results, leads } = decideBatch(
          toMap.map((u) => ({ workspaceId: u.row.workspaceId, facts: u.facts! })),
          candidateLeadsFrom(read!.leads),
          at,
        );
        const mapped = new Map(toMap.map((u, j) => [u, results[j]!]));
        const stored = await insertInboxBatch(
          tx,
          units.map((u) => {
            const m = mapped.get(u);
            return {
              ...u.row,
              copies: u.copies.length,
              initial: m ? { status: m.status, outcome: m.outcome, error: null, leadId: m.leadId } : u.initial,
            };
          }),
          leadWritesCtes(leads, at),
        );
        return units.map((u, i) => {
          const s = stored[i]!;
          const m = mapped.get(u);
          // Decided as new but stored by someone else meanwhile (or gone): this batch's decisions are void.
          if ((m && !s.inserted) || (!m && u.facts && s.inserted))
            throw new ConcurrentDeliveryError("an inbox row changed during the batch");
          if (!m) return fromRow(s, !s.inserted);
          return {
            eventId: s.id,
            duplicate: false,
            status: m.status,
            outcome: m.outcome,
            error: null,
            leadId: m.leadId,
            leadCreated: m.leadCreated,
          };
        });
      });
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      if ((isRetryableConflict(error) || isUniqueViolation(error)) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

const jsonRows = <T>(v: unknown): T[] => (typeof v === "string" ? JSON.parse(v) : v) as T[];

/** A unit on its own; when its mapping fails for good, it is kept as FAILED with the error. */
async function storeAndMapOne(sql: SqlRunner, unit: Unit, at: Date): Promise<DeliveryResult> {
  try {
    return (await storeAndMap(sql, [unit], at))[0]!;
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    if (isForeignKeyViolation(error)) throw new DomainError("NOT_FOUND", "Unknown workspace", { cause: error });
    const failed = await markFailed(sql, { ...unit.row, copies: unit.copies.length, error: errorText(error) });
    return fromRow(failed, !failed.inserted);
  }
}

/**
 * Stores and maps deliveries (in arrival order) in one transaction. Each entry of the result is
 * the delivery's result, or the error for that delivery alone (database unavailable: every
 * delivery gets it; unknown workspace: NOT_FOUND).
 */
export async function receiveDeliveries(
  deps: WebhookServiceDeps,
  inputs: DeliveryInput[],
): Promise<Array<DeliveryResult | Error>> {
  const at = now(deps);
  const out: Array<DeliveryResult | Error> = new Array(inputs.length);
  const units: Unit[] = [];
  const byKey = new Map<string, Unit>();
  inputs.forEach((input, i) => {
    let p: Omit<Unit, "copies">;
    try {
      p = prepare(input, at);
    } catch (error) {
      out[i] = error instanceof Error ? error : new Error(String(error));
      return;
    }
    const k = inboxKey(p.row);
    const same = byKey.get(k);
    if (same) same.copies.push(i);
    else {
      const u = { ...p, copies: [i] };
      byKey.set(k, u);
      units.push(u);
    }
  });
  if (units.length === 0) return out;

  const sql = sqlOf(deps);
  const settle = (u: Unit, r: DeliveryResult | Error) => {
    u.copies.forEach((i, n) => {
      out[i] = n === 0 || r instanceof Error ? r : asCopy(r);
    });
  };
  if (units.length === 1) {
    const u = units[0]!;
    settle(u, await storeAndMapOne(sql, u, at).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    return out;
  }
  try {
    const results = await storeAndMap(sql, units, at);
    units.forEach((u, j) => {
      settle(u, results[j]!);
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      const e = error instanceof Error ? error : new Error(String(error));
      for (const u of units) settle(u, e);
      return out;
    }
    // Something in the batch fails for good: each delivery on its own, so only the bad one fails.
    for (const u of units)
      settle(
        u,
        await storeAndMapOne(sql, u, at).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      );
  }
  return out;
}

/** One delivery (reconciliation, tests; the webhooks server batches, see batch.ts). */
export async function receiveDelivery(deps: WebhookServiceDeps, input: DeliveryInput): Promise<DeliveryResult> {
  const [r] = await receiveDeliveries(deps, [input]);
  if (r instanceof Error) throw r;
  if ((input.source ?? "WEBHOOK") === "WEBHOOK") await touchLastWebhookAt(deps, [input.workspaceId], now(deps));
  return r!;
}

/**
 * Client.calendlyLastWebhookAt, for the health view: written only when a second old, outside the
 * mapping transaction (the workspace row is never a hot lock). The batcher also throttles per process.
 */
export async function touchLastWebhookAt(deps: WebhookServiceDeps, workspaceIds: string[], at: Date): Promise<void> {
  if (workspaceIds.length === 0) return;
  const before = new Date(at.getTime() - 1000);
  await sqlOf(deps).query(Prisma.sql`UPDATE "Client" SET "calendlyLastWebhookAt" = ${at}::timestamp(3)
    WHERE id IN (${Prisma.join(workspaceIds)}) AND ("calendlyLastWebhookAt" IS NULL OR "calendlyLastWebhookAt" < ${before}::timestamp(3))`);
}
