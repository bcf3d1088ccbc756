// Deciding a batch of invitee events in arrival order (pure): each event is matched to a lead
// (SPEC section 4 order, always inside its own workspace) among the candidates the database
// returned, decided (decide.ts) against the lead as the events before it in the batch left it, and
// the leads to write come out once each, in their final state. So a reschedule's cancel and create
// in one batch end exactly as if they had been mapped one by one.
import { normalizeEmail } from "@booking/db";
import { type Appointment, appointmentOf, type Changes, changesBetween, EMPTY_APPOINTMENT } from "./appointment.ts";
import { decide, type Outcome } from "./decide.ts";
import type { InviteeFacts } from "./facts.ts";
import { newId } from "./ids.ts";

/** An invitee event to map: its workspace (the webhook URL's) and its facts. */
export type MappingEvent = { workspaceId: string; facts: InviteeFacts };

/** A lead as the candidate lookup returns it. */
export type LeadRow = Appointment & { id: string; clientId: string; email: string; createdAt: Date };

export type LeadWrite = LeadRow & { name: string; write: "insert" | "update" };

export type Mapped = {
  status: "PROCESSED" | "IGNORED";
  outcome: Outcome | "invitee_in_other_workspace";
  /** The lead the event was matched to (also when it changed nothing); never another workspace's. */
  leadId: string | null;
  leadCreated: boolean;
  changes: Changes;
};

/** How well a lead matches an event (lower wins), or null if it does not match. */
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

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The candidates matching an event, best first (rank, then oldest lead). */
function ranked(leads: Iterable<LeadRow>, e: MappingEvent, email: string) {
  const out: Array<{ lead: LeadRow; rank: number }> = [];
  for (const lead of leads) {
    const r = rank(lead, e.workspaceId, e.facts, email);
    if (r !== null) out.push({ lead, rank: r });
  }
  return out.sort(
    (a, b) => a.rank - b.rank || a.lead.createdAt.getTime() - b.lead.createdAt.getTime() || byId(a.lead.id, b.lead.id),
  );
}

export function decideBatch(
  events: MappingEvent[],
  candidates: LeadRow[],
  at: Date,
): { results: Mapped[]; writes: LeadWrite[] } {
  const leads = new Map<string, LeadRow>(candidates.map((l) => [l.id, { ...l }]));
  const writes = new Map<string, Pick<LeadWrite, "name" | "write">>();
  const results = events.map((e): Mapped => {
    const email = normalizeEmail(e.facts.email);
    const matches = ranked(leads.values(), e, email);
    if (matches.some((m) => m.rank === 1 && m.lead.clientId !== e.workspaceId)) {
      return {
        status: "IGNORED",
        outcome: "invitee_in_other_workspace",
        leadId: null,
        leadCreated: false,
        changes: {},
      };
    }
    const lead = matches.find((m) => m.lead.clientId === e.workspaceId)?.lead ?? null;
    const d = decide(e.facts, lead);
    if (!d.apply)
      return { status: "PROCESSED", outcome: d.outcome, leadId: lead?.id ?? null, leadCreated: false, changes: {} };
    const after = appointmentOf(d.appointment);
    if (lead) {
      const changes = changesBetween(lead, after);
      Object.assign(lead, after);
      if (!writes.has(lead.id)) writes.set(lead.id, { name: "", write: "update" });
      return { status: "PROCESSED", outcome: d.outcome, leadId: lead.id, leadCreated: false, changes };
    }
    const name = e.facts.name ?? email;
    const created: LeadRow = { ...after, id: newId(), clientId: e.workspaceId, email, createdAt: at };
    leads.set(created.id, created);
    writes.set(created.id, { name, write: "insert" });
    const changes = {
      name: [null, name],
      email: [null, email],
      ...changesBetween(EMPTY_APPOINTMENT, after),
    } as Changes;
    return { status: "PROCESSED", outcome: d.outcome, leadId: created.id, leadCreated: true, changes };
  });
  // Each lead written once, in its final state (a lead created by one event of the batch and
  // changed by a later one is inserted as the later one left it).
  return { results, writes: [...writes].map(([id, w]) => ({ ...leads.get(id)!, ...w })) };
}
