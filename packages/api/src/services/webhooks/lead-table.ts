// The statements of the webhook path on "Lead": find and lock the candidate leads of a batch of
// events, and write the decided leads. Concurrency is PostgreSQL's: row locks on the candidates,
// the unique invitee URI and the unique (workspace, email) of Lead, so two transactions creating
// the same lead, or taking the same invitee, cannot both commit (the loser is rerun and then sees
// the winner's lead).
import { type Lead, normalizeEmail, Prisma } from "@booking/db";
import { APPOINTMENT_COLUMNS } from "./appointment.ts";
import { assignments, type Columns, columnList, unnestRows } from "./columns.ts";
import type { LeadRow, LeadWrite, MappingEvent } from "./decide-batch.ts";
import type { SqlQuery } from "./sql.ts";

const CANDIDATE_COLUMNS = {
  id: "text",
  clientId: "text",
  email: "text",
  createdAt: "timestamp(3)",
  ...APPOINTMENT_COLUMNS,
} as const satisfies Columns<Lead>;

/** What an event can match a lead by (SPEC 4 order), one row per event. */
const SEARCH = { ws: "text", uri: "text", old: "text", new: "text", utm: "text", email: "text" } as const;

/**
 * Every lead that matches some event of the batch (its invitee URI, the old or new invitee of a
 * reschedule, or in the event's workspace the lead named by utm_content or with its email; the 20
 * best per event), locked FOR UPDATE. Lead ids never contain "/", invitee URIs always do: a URI in
 * utm_content matches nothing. A superset is enough: the batch ranks them (decide-batch.ts).
 */
export async function lockCandidateLeads(q: SqlQuery, events: MappingEvent[]): Promise<LeadRow[]> {
  if (events.length === 0) return [];
  const search = events.map(({ workspaceId, facts: f }) => ({
    ws: workspaceId,
    uri: f.uri,
    old: f.oldInvitee,
    new: f.newInvitee,
    utm: f.utmContent,
    email: normalizeEmail(f.email),
  }));
  return q.query<LeadRow>(Prisma.sql`
    SELECT DISTINCT ON (c.id) c.* FROM ${unnestRows(SEARCH, search, "e")}
    CROSS JOIN LATERAL (
      SELECT ${columnList(CANDIDATE_COLUMNS)} FROM "Lead"
      WHERE "calendlyInviteeUri" IN (e.uri, e.old, e.new) OR ("clientId" = e.ws AND (id = e.utm OR email = e.email))
      ORDER BY CASE WHEN "calendlyInviteeUri" = e.uri THEN 1 WHEN "calendlyInviteeUri" = e.old THEN 2
                    WHEN "calendlyInviteeUri" = e.new THEN 3 WHEN "clientId" = e.ws AND id = e.utm THEN 4 ELSE 5 END,
               "createdAt", id
      LIMIT 20
      FOR UPDATE) c`);
}

const INSERT_COLUMNS = {
  id: "text",
  clientId: "text",
  name: "text",
  email: "text",
  source: '"LeadSource"',
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
  ...APPOINTMENT_COLUMNS,
} as const satisfies Columns<Lead>;

const UPDATE_COLUMNS = {
  id: "text",
  updatedAt: "timestamp(3)",
  ...APPOINTMENT_COLUMNS,
} as const satisfies Columns<Lead>;
const { id: _key, ...SET_COLUMNS } = UPDATE_COLUMNS;

/** Inserts the batch's new leads and updates its changed ones, in one statement (inserts in id order). */
export async function writeLeads(q: SqlQuery, writes: LeadWrite[], at: Date): Promise<void> {
  const inserts = writes
    .filter((w) => w.write === "insert")
    .map((w) => ({ ...w, source: "CALENDLY" as const, updatedAt: at }));
  const updates = writes.filter((w) => w.write === "update").map((w) => ({ ...w, updatedAt: at }));
  if (inserts.length === 0 && updates.length === 0) return;
  await q.query(Prisma.sql`
    WITH inserted AS (
      INSERT INTO "Lead" (${columnList(INSERT_COLUMNS)})
      SELECT ${columnList(INSERT_COLUMNS, "x")} FROM ${unnestRows(INSERT_COLUMNS, inserts, "x")} ORDER BY x.id
    )
    UPDATE "Lead" l SET ${assignments(SET_COLUMNS, "x")}
    FROM ${unnestRows(UPDATE_COLUMNS, updates, "x")}
    WHERE l.id = x.id`);
}
