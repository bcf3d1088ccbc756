// The integration's own log (IntegrationEvent): what it did on its own or was told to do, newest
// first on the Integrations page and in integrations.calendly.health.
import type { Db, IntegrationEventKind, Prisma } from "@booking/db";

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

export async function recentIntegrationEvents(
  db: Db,
  workspaceId: string,
  limit = RECENT_EVENTS,
): Promise<IntegrationEventView[]> {
  return db.integrationEvent.findMany({
    where: { clientId: workspaceId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, kind: true, actor: true, message: true, recovered: true, error: true },
  });
}
