import type { Db, MemberRole } from "@booking/db";
import { DomainError } from "../../errors.ts";
import {
  type BookingAnswer,
  type LeadDetails,
  type LeadDetailsRow,
  type LeadView,
  leadDetailsSelect,
  leadSelect,
} from "./lead-view.ts";

/** The lead, or NOT_FOUND. Callers authorize against `lead.clientId` before returning it. */
export async function getLead(deps: { db: Db }, leadId: string): Promise<LeadView> {
  const lead = await deps.db.lead.findUnique({ where: { id: leadId }, select: leadSelect });
  if (!lead) throw new DomainError("NOT_FOUND", "Lead not found");
  return lead;
}

/** The workspace a lead belongs to (NOT_FOUND when there is no such lead). */
export async function leadWorkspaceId(deps: { db: Db }, leadId: string): Promise<string> {
  const lead = await deps.db.lead.findUnique({ where: { id: leadId }, select: { clientId: true } });
  if (!lead) throw new DomainError("NOT_FOUND", "Lead not found");
  return lead.clientId;
}

/** Booking-form answers as stored from Calendly's `questions_and_answers`, in order; malformed entries are skipped. */
function parseAnswers(value: unknown): BookingAnswer[] {
  if (!Array.isArray(value)) return [];
  const answers: BookingAnswer[] = [];
  value.forEach((entry, index) => {
    if (typeof entry !== "object" || entry === null) return;
    const e = entry as Record<string, unknown>;
    if (typeof e.question !== "string" || e.question.length === 0) return;
    const answer = typeof e.answer === "string" ? e.answer : e.answer == null ? "" : String(e.answer);
    const position = typeof e.position === "number" && Number.isFinite(e.position) ? e.position : index;
    answers.push({ question: e.question, answer, position });
  });
  return answers.sort((a, b) => a.position - b.position);
}

/**
 * Whether a stored single-use link may be sent again: it was made for the workspace's current
 * event type and the lead has not booked since it was made (a booking uses the link up).
 */
export function singleUseLinkReusable(
  lead: Pick<
    LeadDetailsRow,
    "singleUseLinkUrl" | "singleUseLinkEventTypeUri" | "singleUseLinkCreatedAt" | "appointmentBookedAt"
  >,
  eventTypeUri: string | null,
): boolean {
  if (!lead.singleUseLinkUrl || !lead.singleUseLinkCreatedAt) return false;
  if (eventTypeUri !== null && lead.singleUseLinkEventTypeUri !== eventTypeUri) return false;
  return !(lead.appointmentBookedAt && lead.appointmentBookedAt.getTime() >= lead.singleUseLinkCreatedAt.getTime());
}

function toLeadDetails(
  row: LeadDetailsRow,
  opts: { hostMember: { email: string; roles: MemberRole[] } | null; eventTypeUri: string | null },
): LeadDetails {
  const {
    appointmentHostName,
    appointmentHostEmail,
    appointmentAnswers,
    utmSource,
    utmMedium,
    utmCampaign,
    utmContent,
    utmTerm,
    calendlyInviteeUri,
    calendlyNoShowUri,
    singleUseLinkUrl,
    singleUseLinkEventTypeUri,
    singleUseLinkCreatedAt,
    ...rest
  } = row;
  return {
    ...rest,
    answers: parseAnswers(appointmentAnswers),
    host:
      appointmentHostName || appointmentHostEmail
        ? { name: appointmentHostName, email: appointmentHostEmail, member: opts.hostMember }
        : null,
    utm: { source: utmSource, medium: utmMedium, campaign: utmCampaign, content: utmContent, term: utmTerm },
    hasCalendlyInvitee: calendlyInviteeUri !== null,
    noShow: { marked: row.appointmentStatus === "NO_SHOW", markedInCalendly: calendlyNoShowUri !== null },
    singleUseLink: singleUseLinkCreatedAt
      ? {
          url: singleUseLinkUrl,
          eventTypeUri: singleUseLinkEventTypeUri,
          createdAt: singleUseLinkCreatedAt,
          reusable: singleUseLinkReusable(row, opts.eventTypeUri),
        }
      : null,
  };
}

/** leads.get: the lead with its appointment details and the workspace member who hosts it. */
export async function getLeadDetails(deps: { db: Db }, leadId: string): Promise<LeadDetails> {
  const row = await deps.db.lead.findUnique({
    where: { id: leadId },
    select: { ...leadDetailsSelect, client: { select: { settings: { select: { calendlyEventTypeUri: true } } } } },
  });
  if (!row) throw new DomainError("NOT_FOUND", "Lead not found");
  const { client, ...lead } = row;
  let hostMember: { email: string; roles: MemberRole[] } | null = null;
  if (lead.appointmentHostEmail) {
    // Host emails are stored lower-case, like member emails.
    const members = await deps.db.clientMember.findMany({
      where: { clientId: lead.clientId, email: lead.appointmentHostEmail.toLowerCase() },
      select: { email: true, role: true },
      orderBy: { role: "asc" },
    });
    if (members.length > 0) hostMember = { email: members[0]!.email, roles: members.map((m) => m.role) };
  }
  return toLeadDetails(lead, { hostMember, eventTypeUri: client.settings?.calendlyEventTypeUri ?? null });
}
