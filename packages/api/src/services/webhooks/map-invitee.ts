// The database half of lead mapping, run inside the caller's transaction: find and lock the lead
// (SPEC 4 order, always inside the URL's workspace), decide (decide.ts), write the lead and the
// inbox row's result. Concurrency comes from PostgreSQL: row locks on the candidate leads, an
// advisory lock per (workspace, email) taken before the lookup (see inbox.ts), and the unique
// invitee URI (a violation rolls the whole transaction back and the caller runs it again).
import { Prisma, normalizeEmail, type AppointmentStatus } from "@booking/db";
import { decide, type Appointment, type Outcome } from "./decide.ts";
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

type Candidate = Appointment & { id: string; clientId: string; rank: number };

async function findCandidates(tx: Tx, workspaceId: string, f: InviteeFacts): Promise<Candidate[]> {
  const email = normalizeEmail(f.email);
  // Lead ids never contain "/", invitee URIs always do: a URI in utm_content matches nothing.
  return tx.query<Candidate>(Prisma.sql`
    SELECT id, "clientId", "appointmentStatus"::text AS "appointmentStatus", "appointmentStartAt", "appointmentEndAt",
           "appointmentBookedAt", "appointmentCanceledAt", "appointmentCancelReason", "appointmentCanceledBy",
           "calendlyInviteeUri", "calendlyScheduledEventUri", "calendlyEventAt",
           CASE WHEN "calendlyInviteeUri" = ${f.uri} THEN 1
                WHEN "calendlyInviteeUri" = ${f.oldInvitee} THEN 2
                WHEN "calendlyInviteeUri" = ${f.newInvitee} THEN 3
                WHEN "clientId" = ${workspaceId} AND id = ${f.utmContent} THEN 4
                ELSE 5 END AS rank
    FROM "Lead"
    WHERE "calendlyInviteeUri" IN (${f.uri}, ${f.oldInvitee}, ${f.newInvitee})
       OR ("clientId" = ${workspaceId} AND (id = ${f.utmContent} OR email = ${email}))
    ORDER BY rank, "createdAt", id
    LIMIT 20
    FOR UPDATE`);
}

const appointmentSet = (a: Appointment, at: Date) => Prisma.sql`
  "appointmentStatus" = ${a.appointmentStatus}::"AppointmentStatus",
  "appointmentStartAt" = ${a.appointmentStartAt}, "appointmentEndAt" = ${a.appointmentEndAt},
  "appointmentBookedAt" = ${a.appointmentBookedAt}, "appointmentCanceledAt" = ${a.appointmentCanceledAt},
  "appointmentCancelReason" = ${a.appointmentCancelReason}, "appointmentCanceledBy" = ${a.appointmentCanceledBy},
  "calendlyInviteeUri" = ${a.calendlyInviteeUri}, "calendlyScheduledEventUri" = ${a.calendlyScheduledEventUri},
  "calendlyEventAt" = ${a.calendlyEventAt}, "updatedAt" = ${at}`;

/** Writes the inbox row's result, together with the lead write when there is one (one round trip). */
async function finish(
  tx: Tx,
  eventId: string,
  at: Date,
  r: { status: MappingResult["status"]; outcome: string; leadId: string | null },
  leadWrite?: Prisma.Sql,
): Promise<void> {
  const result = Prisma.sql`status = ${r.status}::"WebhookEventStatus", outcome = ${r.outcome}, error = NULL,
    attempts = attempts + 1, "processedAt" = ${at}`;
  if (leadWrite) {
    await tx.query(Prisma.sql`WITH l AS (${leadWrite} RETURNING id)
      UPDATE "WebhookEvent" SET ${result}, "leadId" = (SELECT id FROM l) WHERE id = ${eventId}`);
  } else {
    await tx.query(Prisma.sql`UPDATE "WebhookEvent" SET ${result}, "leadId" = ${r.leadId} WHERE id = ${eventId}`);
  }
}

export async function mapInviteeEvent(
  tx: Tx,
  input: { eventId: string; workspaceId: string; facts: InviteeFacts; at: Date },
): Promise<MappingResult> {
  const { eventId, workspaceId, facts: f, at } = input;
  const rows = await findCandidates(tx, workspaceId, f);

  if (rows.some((r) => r.calendlyInviteeUri === f.uri && r.clientId !== workspaceId)) {
    const r = { status: "IGNORED" as const, outcome: "invitee_in_other_workspace" as const, leadId: null, leadCreated: false };
    await finish(tx, eventId, at, r);
    return r;
  }
  const lead = rows.find((r) => r.clientId === workspaceId) ?? null;
  if (lead) lead.appointmentStatus = lead.appointmentStatus as AppointmentStatus;
  const d = decide(f, lead);

  if (!d.apply) {
    const r = { status: "PROCESSED" as const, outcome: d.outcome, leadId: lead?.id ?? null, leadCreated: false };
    await finish(tx, eventId, at, r);
    return r;
  }
  const a = d.appointment;
  if (lead) {
    await finish(tx, eventId, at, { status: "PROCESSED", outcome: d.outcome, leadId: lead.id },
      Prisma.sql`UPDATE "Lead" SET ${appointmentSet(a, at)} WHERE id = ${lead.id}`);
    return { status: "PROCESSED", outcome: d.outcome, leadId: lead.id, leadCreated: false };
  }
  const id = newId();
  await finish(tx, eventId, at, { status: "PROCESSED", outcome: d.outcome, leadId: id },
    Prisma.sql`INSERT INTO "Lead" (id, "clientId", name, email, source, "appointmentStatus", "appointmentStartAt", "appointmentEndAt",
        "appointmentBookedAt", "appointmentCanceledAt", "appointmentCancelReason", "appointmentCanceledBy",
        "calendlyInviteeUri", "calendlyScheduledEventUri", "calendlyEventAt", "createdAt", "updatedAt")
      VALUES (${id}, ${workspaceId}, ${f.name ?? normalizeEmail(f.email)}, ${normalizeEmail(f.email)}, 'CALENDLY'::"LeadSource",
        ${a.appointmentStatus}::"AppointmentStatus", ${a.appointmentStartAt}, ${a.appointmentEndAt}, ${a.appointmentBookedAt},
        ${a.appointmentCanceledAt}, ${a.appointmentCancelReason}, ${a.appointmentCanceledBy}, ${a.calendlyInviteeUri},
        ${a.calendlyScheduledEventUri}, ${a.calendlyEventAt}, ${at}, ${at})`);
  return { status: "PROCESSED", outcome: d.outcome, leadId: id, leadCreated: true };
}
