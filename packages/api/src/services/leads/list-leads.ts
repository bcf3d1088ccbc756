// leads.list: newest first, paged by a true keyset on (createdAt, id), with an optional status
// filter and a prefix search on the name, its last word and the email. Every shape reads an index
// that ends in (createdAt, id), so a page costs the same at row 40,000 as at row 0:
//   no filter      Lead(clientId, createdAt, id)
//   status         Lead(clientId, appointmentStatus, createdAt, id)
//   search         Lead(clientId, nameSearch | lastNameSearch | email, createdAt, id), one arm each
//                  (index-only range scans; PostgreSQL may instead walk the first index newest first
//                  and filter when the prefix is common), merged, then the page's rows by id.
// nameSearch and lastNameSearch are generated columns (lower(name) and its last word) in the "C"
// collation, like email, so a B-tree serves LIKE 'prefix%' (migration 20261129233955_lead_search).
import { type AppointmentStatus, type Db, Prisma } from "@booking/db";
import { decodeCursor, type Position, toPage } from "../../lib/keyset.ts";
import { prismaRunner, type SqlRunner } from "../../lib/sql.ts";
import type { LeadListItem } from "./lead-view.ts";

export type ListLeadsInput = {
  workspaceId: string;
  status?: AppointmentStatus;
  /** Prefix of the name, of its last word, or of the email (case-insensitive). */
  search?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
};

export type LeadPage = { items: LeadListItem[]; nextCursor: string | null };

const DEFAULT_PAGE_SIZE = 50;

const COLUMNS = Prisma.sql`id, name, email, source::text AS source, "appointmentStatus"::text AS "appointmentStatus",
  "appointmentStartAt", "appointmentEndAt", "appointmentHostName", "appointmentHostEmail", "createdAt", "updatedAt"`;

// Qualified, so that it always means the table's columns.
const ORDER = Prisma.sql`ORDER BY "Lead"."createdAt" DESC, "Lead".id DESC`;

/** LIKE pattern characters, escaped with the default escape character. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(workspaceId: string, status: AppointmentStatus | undefined, after: Position | null) {
  const parts = [Prisma.sql`"clientId" = ${workspaceId}`];
  if (status) parts.push(Prisma.sql`"appointmentStatus" = ${status}::"AppointmentStatus"`);
  // Timestamps are stored as UTC in timestamp(3): an ISO string cast to timestamp keeps its UTC time.
  if (after) parts.push(Prisma.sql`("createdAt", id) < (${after.at.toISOString()}::timestamp(3), ${after.id})`);
  return Prisma.join(parts, " AND ");
}

/** The SQL of one page (exported for the plan checks in router/leads/list.test.ts). */
export function pageQuery(input: ListLeadsInput, after: Position | null, take: number, search: string | null) {
  const where = conditions(input.workspaceId, input.status, after);
  if (search === null) {
    return Prisma.sql`SELECT ${COLUMNS} FROM "Lead" WHERE ${where} ${ORDER} LIMIT ${take}`;
  }
  const pattern = escapeLike(search);
  // lower() here is the function the generated columns use, so both sides fold case the same way.
  const arm = (column: Prisma.Sql) =>
    Prisma.sql`(SELECT "createdAt", id FROM "Lead" WHERE ${where} AND ${column} LIKE lower(${pattern}) || '%' ${ORDER} LIMIT ${take})`;
  return Prisma.sql`SELECT ${COLUMNS} FROM "Lead" WHERE id IN (
      SELECT id FROM (${arm(Prisma.sql`"nameSearch"`)} UNION ${arm(Prisma.sql`"lastNameSearch"`)} UNION ${arm(Prisma.sql`email`)}) m
      ORDER BY m."createdAt" DESC, m.id DESC LIMIT ${take})
    ${ORDER}`;
}

/** Newest first, `limit` (default 50) per page; `nextCursor` continues after the last row. */
export async function listLeads(
  deps: { db: Db; sql?: SqlRunner | undefined },
  input: ListLeadsInput,
): Promise<LeadPage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const after = input.cursor ? decodeCursor(input.workspaceId, input.cursor) : null;
  const search = input.search?.trim() ? input.search.trim() : null;
  // The same statement through Prisma or, on the web server, a plain pg pool (no per-query overhead).
  const sql = deps.sql ?? prismaRunner(deps.db);
  const rows = await sql.query<LeadListItem>(pageQuery(input, after, limit + 1, search));
  return toPage(rows, limit, input.workspaceId, (l) => ({ at: l.createdAt, id: l.id }));
}
