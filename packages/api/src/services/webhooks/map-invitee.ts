// The database half of lead mapping, for a batch of invitee events (live deliveries, or a replay):
// the candidate leads of every event are found and locked in one statement (SPEC 4 order, always
// inside the event's workspace), each event is decided in arrival order (decide.ts) against the
// leads as the previous events of the batch left them, and the leads are written (each once, in
// its final state) in the same statement as the inbox rows' results. Concurrency comes from
// PostgreSQL: row locks on the candidate leads, and the unique invitee URI and (workspace, email)
// of Lead: two transactions creating the same lead, or taking the same invitee, cannot both commit
// (the loser's violation rolls it back and the caller runs it again, then it sees the winner's lead).
import { type AppointmentStatus, normalizeEmail, Prisma } from "@booking/db";
import { type Appointment, decide, type Outcome } from "./decide.ts";
import type { InviteeFacts } from "./facts.ts";
import { newId } from "./ids.ts";
import type { SqlQuery } from "./sql.ts";

export type Tx = SqlQuery;

export type MappingResult = {
  status: "PROCESSED" | "IGNORED";
  outcome: Outcome | "invitee_in_other_workspace";
  leadId: string | null;
  leadCreated: boolean;
};

/** An event to map: its workspace (the URL's) and facts. */
export type EventRef = { workspaceId: string; facts: InviteeFacts };
export type MappingItem = EventRef & { eventId: string };

export type LeadRow = Appointment & { id: string; clientId: string; email: string; createdAt: Date };

/** How well a lead matches an event (SPEC 4 order; lower wins), or null if it does not match. */
function rank(l: LeadRow, workspaceId: string, f: InviteeFacts, email: string): number | null {
  const u = l.calendlyInviteeUri;
  if (u !== null && u === f.uri) return 1;
  if (u !== null && u === f.oldInvitee) return 2;
  if (u !== null && u === f.newInvitee) return 3;
  if (l.clientId !== workspaceId) return null;
  if (f.utmContent !== null && l.id === f.utmContent) return 4;
  if (l.email === email) return 5;
  return null;
}

/**
 * A sub-select (json): every lead that matches some event of the batch in the database (`rank` as
 * SQL, to keep the 20 best per event), locked FOR UPDATE. Lead ids never contain "/", invitee URIs
 * always do: a URI in utm_content matches nothing.
 */
export function candidateLeadsJson(items: EventRef[]): Prisma.Sql {
  const events = items.map(({ workspaceId, facts: f }) => ({
    ws: workspaceId,
    uri: f.uri,
    old: f.oldInvitee,
    new: f.newInvitee,
    utm: f.utmContent,
    email: normalizeEmail(f.email),
  }));
  return Prisma.sql`(SELECT coalesce(json_agg(c), '[]') FROM (
    SELECT DISTINCT ON (c.id) c.* FROM json_to_recordset(${JSON.stringify(events)}::json)
      AS e(ws text, uri text, old text, new text, utm text, email text)
    CROSS JOIN LATERAL (
      SELECT id, "clientId", email, "createdAt", "appointmentStatus", "appointmentStartAt", "appointmentEndAt",
        "appointmentBookedAt", "appointmentCanceledAt", "appointmentCancelReason", "appointmentCanceledBy",
        "calendlyInviteeUri", "calendlyScheduledEventUri", "calendlyEventAt"
      FROM "Lead"
      WHERE "calendlyInviteeUri" IN (e.uri, e.old, e.new) OR ("clientId" = e.ws AND (id = e.utm OR email = e.email))
      ORDER BY CASE WHEN "calendlyInviteeUri" = e.uri THEN 1 WHEN "calendlyInviteeUri" = e.old THEN 2
                    WHEN "calendlyInviteeUri" = e.new THEN 3 WHEN "clientId" = e.ws AND id = e.utm THEN 4 ELSE 5 END,
               "createdAt", id
      LIMIT 20
      FOR UPDATE) c) c)`;
}

// json has timestamp(3) as "2026-05-12T15:00:00.123" (UTC, as Prisma stores it).
const jsonDate = (v: unknown): Date | null => (typeof v === "string" ? new Date(`${v}Z`) : null);

/** The rows of candidateLeadsJson. */
export function candidateLeadsFrom(json: unknown): LeadRow[] {
  const rows = (typeof json === "string" ? JSON.parse(json) : json) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as string,
    clientId: r.clientId as string,
    email: r.email as string,
    createdAt: jsonDate(r.createdAt)!,
    appointmentStatus: r.appointmentStatus as AppointmentStatus,
    appointmentStartAt: jsonDate(r.appointmentStartAt),
    appointmentEndAt: jsonDate(r.appointmentEndAt),
    appointmentBookedAt: jsonDate(r.appointmentBookedAt),
    appointmentCanceledAt: jsonDate(r.appointmentCanceledAt),
    appointmentCancelReason: (r.appointmentCancelReason as string | null) ?? null,
    appointmentCanceledBy: (r.appointmentCanceledBy as string | null) ?? null,
    calendlyInviteeUri: (r.calendlyInviteeUri as string | null) ?? null,
    calendlyScheduledEventUri: (r.calendlyScheduledEventUri as string | null) ?? null,
    calendlyEventAt: jsonDate(r.calendlyEventAt),
  }));
}

export type LeadWrite = LeadRow & { name: string; write: "none" | "insert" | "update" };

const writeRow = (l: LeadWrite) => ({
  id: l.id,
  ws: l.clientId,
  name: l.name,
  email: l.email,
  status: l.appointmentStatus,
  start: l.appointmentStartAt?.toISOString() ?? null,
  end: l.appointmentEndAt?.toISOString() ?? null,
  booked: l.appointmentBookedAt?.toISOString() ?? null,
  canceled: l.appointmentCanceledAt?.toISOString() ?? null,
  reason: l.appointmentCancelReason,
  by: l.appointmentCanceledBy,
  invitee: l.calendlyInviteeUri,
  scheduled: l.calendlyScheduledEventUri,
  eventAt: l.calendlyEventAt?.toISOString() ?? null,
});
const WRITE_COLUMNS =
  Prisma.raw(`id text, ws text, name text, email text, status text, start timestamp(3), "end" timestamp(3),
  booked timestamp(3), canceled timestamp(3), reason text, "by" text, invitee text, scheduled text, "eventAt" timestamp(3)`);

/** `WITH new_leads AS (...), updated_leads AS (...)`: the leads of a decided batch, each written once. */
export function leadWritesCtes(leads: LeadWrite[], at: Date): Prisma.Sql {
  const inserts = leads.filter((l) => l.write === "insert").map(writeRow);
  const updates = leads.filter((l) => l.write === "update").map(writeRow);
  if (inserts.length === 0 && updates.length === 0) return Prisma.empty;
  return Prisma.sql`
    WITH new_leads AS (
      INSERT INTO "Lead" (id, "clientId", name, email, source, "appointmentStatus", "appointmentStartAt", "appointmentEndAt",
        "appointmentBookedAt", "appointmentCanceledAt", "appointmentCancelReason", "appointmentCanceledBy",
        "calendlyInviteeUri", "calendlyScheduledEventUri", "calendlyEventAt", "createdAt", "updatedAt")
      SELECT id, ws, name, email, 'CALENDLY'::"LeadSource", status::"AppointmentStatus", start, "end", booked, canceled, reason, "by",
        invitee, scheduled, "eventAt", ${at}::timestamp(3), ${at}::timestamp(3)
      FROM json_to_recordset(${JSON.stringify(inserts)}::json) AS x(${WRITE_COLUMNS})
      ORDER BY id
    ), updated_leads AS (
      UPDATE "Lead" l SET "appointmentStatus" = x.status::"AppointmentStatus", "appointmentStartAt" = x.start,
        "appointmentEndAt" = x."end", "appointmentBookedAt" = x.booked, "appointmentCanceledAt" = x.canceled,
        "appointmentCancelReason" = x.reason, "appointmentCanceledBy" = x."by", "calendlyInviteeUri" = x.invitee,
        "calendlyScheduledEventUri" = x.scheduled, "calendlyEventAt" = x."eventAt", "updatedAt" = ${at}::timestamp(3)
      FROM json_to_recordset(${JSON.stringify(updates)}::json) AS x(${WRITE_COLUMNS})
      WHERE l.id = x.id
    )`;
}

/**
 * Decides the batch's events in order. Each event sees the leads as the events before it in the
 * batch left them (a reschedule's cancel and create in one batch end exactly as if run one by one),
 * so candidates are ranked here against that state; the database lookup only has to return a
 * superset (every lead an event could match: URIs change only on leads already fetched).
 */
export function decideBatch(
  items: EventRef[],
  candidates: LeadRow[],
  at: Date,
): { results: MappingResult[]; leads: LeadWrite[] } {
  const leads = new Map<string, LeadWrite>();
  for (const row of candidates) leads.set(row.id, { ...row, name: "", write: "none" });
  const results: MappingResult[] = [];
  for (const { workspaceId, facts: f } of items) {
    const email = normalizeEmail(f.email);
    const ranked: Array<{ lead: LeadWrite; rank: number }> = [];
    for (const lead of leads.values()) {
      const r = rank(lead, workspaceId, f, email);
      if (r !== null) ranked.push({ lead, rank: r });
    }
    ranked.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.lead.createdAt.getTime() - b.lead.createdAt.getTime() ||
        (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0),
    );

    if (ranked.some((c) => c.rank === 1 && c.lead.clientId !== workspaceId)) {
      results.push({ status: "IGNORED", outcome: "invitee_in_other_workspace", leadId: null, leadCreated: false });
      continue;
    }
    const lead = ranked.find((c) => c.lead.clientId === workspaceId)?.lead ?? null;
    const d = decide(f, lead);
    if (!d.apply) {
      results.push({ status: "PROCESSED", outcome: d.outcome, leadId: lead?.id ?? null, leadCreated: false });
      continue;
    }
    const a = pickAppointment(d.appointment);
    if (lead) {
      Object.assign(lead, a);
      if (lead.write === "none") lead.write = "update";
      results.push({ status: "PROCESSED", outcome: d.outcome, leadId: lead.id, leadCreated: false });
    } else {
      const created: LeadWrite = {
        ...a,
        id: newId(),
        clientId: workspaceId,
        email,
        name: f.name ?? email,
        createdAt: at,
        write: "insert",
      };
      leads.set(created.id, created);
      results.push({ status: "PROCESSED", outcome: d.outcome, leadId: created.id, leadCreated: true });
    }
  }
  return { results, leads: [...leads.values()] };
}

/** Maps stored inbox rows again (replay): same lookup, decisions and lead writes as a live batch. */
async function mapInviteeEvents(tx: Tx, items: MappingItem[], at: Date): Promise<MappingResult[]> {
  if (items.length === 0) return [];
  const [row] = await tx.query<{ leads: unknown }>(Prisma.sql`SELECT ${candidateLeadsJson(items)} AS leads`);
  const { results, leads } = decideBatch(items, candidateLeadsFrom(row!.leads), at);
  const events = results.map((r, i) => ({
    id: items[i]!.eventId,
    status: r.status,
    outcome: r.outcome,
    lead: r.leadId,
  }));
  await tx.query(Prisma.sql`${leadWritesCtes(leads, at)}
    UPDATE "WebhookEvent" w SET status = x.status::"WebhookEventStatus", outcome = x.outcome, error = NULL,
      attempts = w.attempts + 1, "processedAt" = ${at}::timestamp(3), "leadId" = x.lead
    FROM json_to_recordset(${JSON.stringify(events)}::json) AS x(id text, status text, outcome text, lead text)
    WHERE w.id = x.id`);
  return results;
}

/** One event (replay). */
export async function mapInviteeEvent(tx: Tx, input: MappingItem & { at: Date }): Promise<MappingResult> {
  const [r] = await mapInviteeEvents(tx, [input], input.at);
  return r!;
}

const pickAppointment = (a: Appointment): Appointment => ({
  appointmentStatus: a.appointmentStatus,
  appointmentStartAt: a.appointmentStartAt,
  appointmentEndAt: a.appointmentEndAt,
  appointmentBookedAt: a.appointmentBookedAt,
  appointmentCanceledAt: a.appointmentCanceledAt,
  appointmentCancelReason: a.appointmentCancelReason,
  appointmentCanceledBy: a.appointmentCanceledBy,
  calendlyInviteeUri: a.calendlyInviteeUri,
  calendlyScheduledEventUri: a.calendlyScheduledEventUri,
  calendlyEventAt: a.calendlyEventAt,
});
