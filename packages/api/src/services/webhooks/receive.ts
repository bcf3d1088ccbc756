// Storing verified deliveries in the inbox: the webhooks server's whole job after verification
// (and reconciliation's). No mapping here: the worker maps what is stored (map-inbox.ts). A
// delivery is stored once per (workspace, idempotency key); a redelivery only bumps deliveryCount.
import type { WebhookEnvelope } from "@booking/calendly/webhooks";
import type { WebhookEventStatus } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { isDatabaseUnavailable, isForeignKeyViolation, isRetryableConflict } from "../../lib/db-errors.ts";
import type { SqlQuery } from "../../lib/sql.ts";
import { idempotencyKey } from "./idempotency.ts";
import { insertDeliveries, type NewDelivery } from "./inbox-table.ts";
import { CONFLICT_ATTEMPTS, retrying } from "./retry.ts";
import { cleanText } from "./text.ts";

/** A verified, parsed delivery: `rawBody` is stored exactly as it came. */
export type Delivery = {
  workspaceId: string;
  rawBody: string;
  envelope: WebhookEnvelope;
  source: "WEBHOOK" | "RECONCILIATION";
};

export type StoredDelivery = { eventId: string; duplicate: boolean; status: WebhookEventStatus };

const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? cleanText(v) : null);

/** The inbox row of a delivery (pure). Strings taken from the payload are cleaned for PostgreSQL. */
function inboxRowOf(d: Delivery, at: Date): NewDelivery {
  const event = cleanText(d.envelope.event);
  const inviteeUri = text(d.envelope.payload.uri);
  const noShow = d.envelope.payload.no_show;
  const noShowUri = noShow && typeof noShow === "object" ? text((noShow as { uri?: unknown }).uri) : null;
  return {
    clientId: d.workspaceId,
    source: d.source,
    eventName: event,
    idempotencyKey: idempotencyKey({
      event,
      createdAt: d.envelope.created_at,
      inviteeUri,
      noShowUri,
      rawBody: d.rawBody,
    }),
    inviteeUri,
    eventCreatedAt: new Date(d.envelope.created_at),
    rawBody: d.rawBody,
    receivedAt: at,
    deliveryCount: 1,
  };
}

/** One row to insert: identical deliveries (copies) share it and are counted on it. */
type Unit = { row: NewDelivery; copies: number[] };

function unitsOf(deliveries: Delivery[], at: Date): Unit[] {
  const byKey = new Map<string, Unit>();
  deliveries.forEach((d, i) => {
    const row = inboxRowOf(d, at);
    const key = `${row.clientId}\u0000${row.idempotencyKey}`;
    const same = byKey.get(key);
    if (!same) byKey.set(key, { row, copies: [i] });
    else {
      same.copies.push(i);
      if (row.source === "WEBHOOK") same.row.deliveryCount++;
    }
  });
  return [...byKey.values()];
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

async function insertUnits(q: SqlQuery, units: Unit[]): Promise<Array<StoredDelivery | Error>> {
  try {
    const rows = await retrying(
      () =>
        insertDeliveries(
          q,
          units.map((u) => u.row),
        ),
      { attempts: CONFLICT_ATTEMPTS, retryIf: isRetryableConflict },
    );
    return rows.map((r) => ({ eventId: r.id, duplicate: !r.inserted, status: r.status }));
  } catch (error) {
    if (isDatabaseUnavailable(error) || units.length === 1) {
      const e = isForeignKeyViolation(error)
        ? new DomainError("NOT_FOUND", "Unknown workspace", { cause: error })
        : error;
      return units.map(() => asError(e));
    }
  }
  // Something in the batch is refused for good (a workspace deleted meanwhile): each on its own.
  const out: Array<StoredDelivery | Error> = [];
  for (const u of units) out.push(...(await insertUnits(q, [u])));
  return out;
}

/**
 * Stores deliveries (in arrival order) in one statement. Each entry of the result is the
 * delivery's, or the error for that delivery alone (database unavailable: every delivery gets it;
 * unknown workspace: NOT_FOUND). Copies of one delivery in the same call are stored once and
 * counted; every copy after the first is a duplicate.
 */
export async function storeDeliveries(
  q: SqlQuery,
  deliveries: Delivery[],
  at: Date,
): Promise<Array<StoredDelivery | Error>> {
  const out: Array<StoredDelivery | Error> = new Array(deliveries.length);
  const units = unitsOf(deliveries, at);
  const stored = await insertUnits(q, units);
  units.forEach((u, j) => {
    const r = stored[j]!;
    u.copies.forEach((i, n) => {
      out[i] = n === 0 || r instanceof Error ? r : { ...r, duplicate: true };
    });
  });
  return out;
}
