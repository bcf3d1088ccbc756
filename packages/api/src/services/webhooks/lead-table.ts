// The read step of a mapping batch on "Lead": find and lock the candidate leads of its events.
// Concurrency is PostgreSQL's: row locks on the candidates, the unique invitee URI and the unique
// (workspace, email) of Lead, so two transactions creating the same lead, or taking the same
// invitee, cannot both commit (the loser is rerun and then sees the winner's lead).
import { type Lead, normalizeEmail, Prisma } from "@booking/db";
import { type Columns, columnList, unnestRows } from "../../lib/columns.ts";
import type { SqlQuery } from "../../lib/sql.ts";
import { APPOINTMENT_COLUMNS } from "./appointment.ts";
import type { LeadRow, MappingEvent } from "./decide-batch.ts";

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
 * best per event), locked FOR UPDATE in id order (one lock order for every worker). Each way of
 * matching is its own index lookup. Lead ids never contain "/", invitee URIs always do: a URI in
 * utm_content matches nothing. A superset is enough: the batch ranks them (decide-batch.ts). A
 * lead that starts matching after this read (another transaction's commit) is caught by the
 * unique invitee URI and (workspace, email) of Lead: the write fails and the batch is rerun.
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
    WITH found AS (
      SELECT m.id FROM ${unnestRows(SEARCH, search, "e")}
      CROSS JOIN LATERAL (
        SELECT id FROM (
          SELECT id, "createdAt", 1 AS rank FROM "Lead" WHERE "calendlyInviteeUri" = e.uri
          UNION ALL SELECT id, "createdAt", 2 FROM "Lead" WHERE "calendlyInviteeUri" = e.old
          UNION ALL SELECT id, "createdAt", 3 FROM "Lead" WHERE "calendlyInviteeUri" = e.new
          UNION ALL SELECT id, "createdAt", 4 FROM "Lead" WHERE id = e.utm AND "clientId" = e.ws
          UNION ALL SELECT id, "createdAt", 5 FROM "Lead" WHERE "clientId" = e.ws AND email = e.email
        ) matches
        ORDER BY rank, "createdAt", id
        LIMIT 20) m
    )
    SELECT ${columnList(CANDIDATE_COLUMNS)} FROM "Lead"
    WHERE id IN (SELECT id FROM found)
    ORDER BY id
    FOR UPDATE`);
}
