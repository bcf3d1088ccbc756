// The write step of a mapping batch, one statement: the batch's new leads and changed leads (each
// once, in its final state) and what happened to each of its inbox rows, so the lead writes and
// the inbox status commit together (foreign keys are checked at the statement's end, when the new
// leads exist).
import { type Lead, Prisma, type WebhookEvent } from "@booking/db";
import { assignments, type Columns, columnList, unnestRows } from "../../lib/columns.ts";
import type { SqlQuery } from "../../lib/sql.ts";
import { APPOINTMENT_COLUMNS, type Changes } from "./appointment.ts";
import type { LeadWrite } from "./decide-batch.ts";

const LEAD_INSERT = {
  id: "text",
  clientId: "text",
  name: "text",
  email: "text",
  source: '"LeadSource"',
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
  ...APPOINTMENT_COLUMNS,
} as const satisfies Columns<Lead>;

const LEAD_UPDATE = { id: "text", updatedAt: "timestamp(3)", ...APPOINTMENT_COLUMNS } as const satisfies Columns<Lead>;
const { id: _leadKey, ...LEAD_SET } = LEAD_UPDATE;

const RESULT = {
  id: "text",
  status: '"WebhookEventStatus"',
  outcome: "text",
  error: "text",
  leadId: "text",
  changes: "jsonb",
  processedAt: "timestamp(3)",
  nextAttemptAt: "timestamp(3)",
} as const satisfies Columns<WebhookEvent>;
const { id: _resultKey, ...RESULT_SET } = RESULT;

/** What an attempt at mapping one delivery did; `changes` are what it changed on `leadId`. */
export type DeliveryResult = Omit<Pick<WebhookEvent, keyof typeof RESULT>, "changes"> & { changes: Changes | null };

/** Writes the leads (new ones in id order) and records the attempt on each inbox row (`attempts` + 1). */
export async function writeBatch(q: SqlQuery, leads: LeadWrite[], results: DeliveryResult[], at: Date): Promise<void> {
  if (leads.length === 0 && results.length === 0) return;
  const inserts = leads.filter((l) => l.write === "insert").map((l) => ({ ...l, source: "CALENDLY", updatedAt: at }));
  const updates = leads.filter((l) => l.write === "update").map((l) => ({ ...l, updatedAt: at }));
  await q.query(Prisma.sql`
    WITH inserted AS (
      INSERT INTO "Lead" (${columnList(LEAD_INSERT)})
      SELECT ${columnList(LEAD_INSERT, "x")} FROM ${unnestRows(LEAD_INSERT, inserts, "x")} ORDER BY x.id
    ), updated AS (
      UPDATE "Lead" l SET ${assignments(LEAD_SET, "x")}
      FROM ${unnestRows(LEAD_UPDATE, updates, "x")}
      WHERE l.id = x.id
    )
    UPDATE "WebhookEvent" w SET (${columnList(RESULT_SET)}, attempts) = (${columnList(RESULT_SET, "r")}, w.attempts + 1)
    FROM ${unnestRows(RESULT, results, "r")}
    WHERE w.id = r.id`);
}
