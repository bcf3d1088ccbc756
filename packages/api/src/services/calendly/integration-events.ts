// The integration's own log (IntegrationEvent): what it did on its own or was told to do, newest
// first on the Integrations page and in integrations.calendly.health.
import { type Db, type IntegrationEvent, type IntegrationEventKind, Prisma } from "@booking/db";
import { type Columns, columnList } from "../../lib/columns.ts";
import type { SqlQuery } from "../../lib/sql.ts";

export type IntegrationEventView = {
  id: string;
  at: Date;
  kind: IntegrationEventKind;
  actor: string;
  message: string;
  /** Bookings recovered (reconciliations). */
  recovered: number | null;
  error: string | null;
};

type Writer = Pick<Db, "integrationEvent"> | Pick<Prisma.TransactionClient, "integrationEvent">;

export const actorOf = (deps: { actor?: string }) => deps.actor ?? "system";

export type IntegrationEventInput = {
  workspaceId: string;
  kind: IntegrationEventKind;
  actor: string;
  message: string;
  at?: Date;
  recovered?: number;
  error?: string | null;
};

/** The row of an event, for `db.integrationEvent.create({ data })` inside a batch transaction. */
export function integrationEventData(event: IntegrationEventInput): Prisma.IntegrationEventUncheckedCreateInput {
  return {
    clientId: event.workspaceId,
    kind: event.kind,
    actor: event.actor,
    message: event.message.slice(0, 2000),
    ...(event.at ? { at: event.at } : {}),
    ...(event.recovered !== undefined ? { recovered: event.recovered } : {}),
    ...(event.error ? { error: event.error.slice(0, 2000) } : {}),
  };
}

export async function recordIntegrationEvent(db: Writer, event: IntegrationEventInput): Promise<void> {
  await db.integrationEvent.create({ data: integrationEventData(event), select: { id: true } });
}

const RECENT_EVENTS = 15;

const EVENT_COLUMNS = {
  id: "text",
  at: "timestamp",
  kind: "text",
  actor: "text",
  message: "text",
  recovered: "integer",
  error: "text",
} as const satisfies Columns<IntegrationEvent>;

/** The newest events first, on the index (clientId, at, id). */
export async function recentIntegrationEvents(
  sql: SqlQuery,
  workspaceId: string,
  limit = RECENT_EVENTS,
): Promise<IntegrationEventView[]> {
  return sql.query<IntegrationEventView>(Prisma.sql`
    SELECT ${columnList(EVENT_COLUMNS)} FROM "IntegrationEvent"
    WHERE "clientId" = ${workspaceId} ORDER BY "at" DESC, id DESC LIMIT ${limit}`);
}
