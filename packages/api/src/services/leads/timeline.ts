// leads.timeline: the inbox deliveries matched to a lead (applied, stale or ignored), oldest first.
// One query on WebhookEvent(leadId, receivedAt, id); raw bodies are never read.
import type { Db, WebhookEventSource, WebhookEventStatus } from "@booking/db";
import { decodeCursor, toPage } from "../../lib/keyset.ts";

type ChangeValue = string | number | boolean | null;
export type TimelineChange = { field: string; before: ChangeValue; after: ChangeValue };

export type TimelineEntry = {
  /** The inbox event's id. */
  id: string;
  receivedAt: Date;
  /** The event's own time (the envelope's created_at). */
  eventCreatedAt: Date | null;
  eventName: string;
  source: WebhookEventSource;
  status: WebhookEventStatus;
  outcome: string | null;
  error: string | null;
  deliveryCount: number;
  processedAt: Date | null;
  /** What the delivery changed on the lead, field by field (empty: nothing; null: not recorded). */
  changes: TimelineChange[] | null;
};

export type TimelineInput = { workspaceId: string; leadId: string; cursor?: string; limit?: number };
export type TimelinePage = { items: TimelineEntry[]; nextCursor: string | null };

const scalar = (v: unknown): ChangeValue =>
  v === null || v === undefined
    ? null
    : typeof v === "string" || typeof v === "number" || typeof v === "boolean"
      ? v
      : JSON.stringify(v);

/** The order fields are shown in (jsonb keeps no order of its own); other fields follow by name. */
const FIELD_ORDER = [
  "name",
  "email",
  "appointmentStatus",
  "appointmentStartAt",
  "appointmentEndAt",
  "appointmentEventName",
  "appointmentBookedAt",
  "appointmentCanceledAt",
  "appointmentCancelReason",
  "appointmentCanceledBy",
  "appointmentCancelerType",
  "calendlyNoShowUri",
  "appointmentLocationType",
  "appointmentLocation",
  "appointmentJoinUrl",
  "appointmentHostName",
  "appointmentHostEmail",
  "appointmentRescheduleUrl",
  "appointmentCancelUrl",
  "appointmentAnswers",
  "appointmentTextReminderNumber",
  "appointmentTimezone",
];
const rank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

/** `{ field: [before, after] }` as mapping stores it, as a list (null when nothing was recorded). */
function parseChanges(value: unknown): TimelineChange[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || Array.isArray(value)) return [];
  const out: TimelineChange[] = [];
  for (const [field, pair] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    out.push({ field, before: scalar(pair[0]), after: scalar(pair[1]) });
  }
  return out.sort((a, b) => rank(a.field) - rank(b.field) || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/** The lead's deliveries, oldest first, `limit` (default 200) at a time. */
export async function leadTimeline(deps: { db: Db }, input: TimelineInput): Promise<TimelinePage> {
  const limit = input.limit ?? 200;
  const after = input.cursor ? decodeCursor(input.leadId, input.cursor) : null;
  const rows = await deps.db.webhookEvent.findMany({
    where: {
      leadId: input.leadId,
      clientId: input.workspaceId,
      ...(after
        ? {
            OR: [{ receivedAt: { gt: after.at } }, { receivedAt: after.at, id: { gt: after.id } }],
          }
        : {}),
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      receivedAt: true,
      eventCreatedAt: true,
      eventName: true,
      source: true,
      status: true,
      outcome: true,
      error: true,
      deliveryCount: true,
      processedAt: true,
      changes: true,
    },
  });
  return toPage(
    rows,
    limit,
    input.leadId,
    (r) => ({ at: r.receivedAt, id: r.id }),
    ({ changes, ...r }) => ({ ...r, changes: parseChanges(changes) }),
  );
}
