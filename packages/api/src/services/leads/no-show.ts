// leads.markNoShow / leads.unmarkNoShow: the lead's current Calendly invitee is marked (or
// unmarked) as a no-show in Calendly first, and only then on the lead, in one conditional UPDATE.
// A Calendly failure leaves the lead as it was; a lead whose booking changed in between (a webhook
// rescheduled or canceled it) is not overwritten, and the Calendly change is undone.
//
// The webhook Calendly sends back afterwards must change nothing more (services/webhooks/decide.ts):
// - mark: the lead is NO_SHOW with the mark's URI, and calendlyEventAt is at least the mark's
//   created_at, so `invitee_no_show.created` either re-applies the same state or is stale;
// - unmark: the lead is BOOKED, calendlyNoShowUri null, calendlyEventAt at least now, so
//   `invitee_no_show.deleted` is stale or, on a BOOKED lead, "not_no_show" (not applied), and a
//   late `invitee_no_show.created` of the removed mark is stale.
import { type CalendlyClient, isCalendlyApiError } from "@booking/calendly";
import type { AppointmentStatus } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { CalendlyIntegrationDeps } from "../calendly/deps.ts";
import { loadIntegration } from "../calendly/integration-state.ts";
import { calendlyToDomainError } from "../calendly/map-error.ts";
import { clientForWorkspace } from "../calendly/token.ts";
import { getLeadDetails } from "./get-lead.ts";
import type { LeadDetails } from "./lead-view.ts";

type Deps = CalendlyIntegrationDeps;

async function loadBooking(deps: Deps, leadId: string) {
  const lead = await deps.db.lead.findUnique({
    where: { id: leadId },
    select: {
      id: true,
      clientId: true,
      appointmentStatus: true,
      calendlyInviteeUri: true,
      calendlyScheduledEventUri: true,
      calendlyNoShowUri: true,
    },
  });
  if (!lead) throw new DomainError("NOT_FOUND", "Lead not found");
  if (!lead.calendlyInviteeUri) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This lead has no Calendly booking: a no-show can only be recorded for a meeting booked through Calendly",
    );
  }
  return { ...lead, calendlyInviteeUri: lead.calendlyInviteeUri };
}

async function calendlyOf(deps: Deps, workspaceId: string): Promise<CalendlyClient> {
  return clientForWorkspace(deps, await loadIntegration(deps.db, workspaceId));
}

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  NONE: "has no appointment",
  BOOKED: "is booked",
  CANCELED: "was canceled",
  RESCHEDULED: "was rescheduled",
  NO_SHOW: "is a no-show",
};

function calendlyFailure(what: string, error: unknown): unknown {
  if (isCalendlyApiError(error) && error.kind === "not_found") {
    return new DomainError(
      "PRECONDITION_FAILED",
      `Calendly does not know this booking any more (deleted, or made in another Calendly account): the ${what} was not recorded`,
      { cause: error },
    );
  }
  const mapped = calendlyToDomainError(error);
  if (mapped instanceof DomainError) {
    return new DomainError(mapped.code, `Calendly refused the ${what}: ${mapped.message}`, {
      ...(mapped.retryAfterSeconds !== undefined ? { retryAfterSeconds: mapped.retryAfterSeconds } : {}),
      cause: error,
    });
  }
  return mapped;
}

const changedMeanwhile = () =>
  new DomainError(
    "CONFLICT",
    "The lead's booking changed in the meantime (a Calendly event arrived): reload it and try again",
  );

/** Marks the lead's current Calendly invitee as a no-show, in Calendly and on the lead. */
export async function markNoShow(deps: Deps, leadId: string): Promise<LeadDetails> {
  const lead = await loadBooking(deps, leadId);
  if (lead.appointmentStatus === "NO_SHOW" && lead.calendlyNoShowUri) return getLeadDetails(deps, leadId);
  if (lead.appointmentStatus !== "BOOKED" && lead.appointmentStatus !== "NO_SHOW") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Only a booked meeting can be marked as a no-show: this one ${STATUS_WORDS[lead.appointmentStatus]}`,
    );
  }
  const calendly = await calendlyOf(deps, lead.clientId);
  let mark: { uri: string; created_at?: string | undefined };
  let createdHere = false;
  try {
    // A no-show recorded from a webhook before its URI was stored: Calendly already has the mark.
    const existing = lead.appointmentStatus === "NO_SHOW" ? await noShowUriInCalendly(calendly, lead) : null;
    if (existing) mark = { uri: existing };
    else {
      mark = await calendly.createInviteeNoShow(lead.calendlyInviteeUri);
      createdHere = true;
    }
  } catch (error) {
    throw calendlyFailure("no-show", error);
  }
  const markedAt = mark.created_at ? new Date(mark.created_at) : null;
  const eventAt = markedAt && !Number.isNaN(markedAt.getTime()) ? markedAt : deps.clock();
  const undo = async () => {
    if (createdHere) await calendly.deleteInviteeNoShow(mark.uri).catch(() => undefined);
  };
  await writeOrUndo(
    () => deps.db.$executeRaw`
      UPDATE "Lead" SET "appointmentStatus" = 'NO_SHOW', "calendlyNoShowUri" = ${mark.uri},
        "calendlyEventAt" = GREATEST("calendlyEventAt", ${eventAt.toISOString()}::timestamp(3)),
        "updatedAt" = ${deps.clock().toISOString()}::timestamp(3)
      WHERE id = ${lead.id} AND "calendlyInviteeUri" = ${lead.calendlyInviteeUri}
        AND "appointmentStatus" IN ('BOOKED', 'NO_SHOW')`,
    undo,
  );
  return getLeadDetails(deps, leadId);
}

/**
 * Writes the lead once Calendly has changed (a conditional UPDATE). When the lead cannot take it —
 * the write fails, or the booking moved on (rescheduled, canceled) while Calendly answered — the
 * Calendly change is undone rather than left half-done.
 */
async function writeOrUndo(write: () => Promise<number>, undo: () => Promise<void>): Promise<void> {
  let updated: number;
  try {
    updated = await write();
  } catch (error) {
    await undo();
    throw error;
  }
  if (updated === 0) {
    await undo();
    throw changedMeanwhile();
  }
}

/** The URI of the invitee's no-show mark, as Calendly has it (null: not marked there). */
async function noShowUriInCalendly(
  calendly: CalendlyClient,
  lead: { calendlyInviteeUri: string; calendlyScheduledEventUri: string | null },
): Promise<string | null> {
  if (!lead.calendlyScheduledEventUri) return null;
  try {
    const invitees = await calendly.listEventInvitees(lead.calendlyScheduledEventUri);
    const invitee = invitees.find((i) => i.uri === lead.calendlyInviteeUri) as { no_show?: { uri?: unknown } | null };
    return typeof invitee?.no_show?.uri === "string" ? invitee.no_show.uri : null;
  } catch (error) {
    if (isCalendlyApiError(error) && error.kind === "not_found") return null;
    throw error;
  }
}

/** Removes the no-show mark of the lead's current Calendly invitee, in Calendly and on the lead. */
export async function unmarkNoShow(deps: Deps, leadId: string): Promise<LeadDetails> {
  const lead = await loadBooking(deps, leadId);
  if (lead.appointmentStatus === "BOOKED" && !lead.calendlyNoShowUri) return getLeadDetails(deps, leadId);
  if (lead.appointmentStatus !== "NO_SHOW") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `This lead is not marked as a no-show: its meeting ${STATUS_WORDS[lead.appointmentStatus]}`,
    );
  }
  const calendly = await calendlyOf(deps, lead.clientId);
  let removed: string | null;
  try {
    // A mark recorded from a webhook before its URI was stored is looked up in Calendly.
    removed = lead.calendlyNoShowUri ?? (await noShowUriInCalendly(calendly, lead));
    // Calendly answering 404 means the mark is already gone: that is the state we want.
    if (removed) await calendly.deleteInviteeNoShow(removed);
  } catch (error) {
    throw calendlyFailure("removal of the no-show", error);
  }
  // If the lead cannot take the change, the mark is put back rather than leave Calendly half-done.
  const undo = async () => {
    if (removed) await calendly.createInviteeNoShow(lead.calendlyInviteeUri).catch(() => undefined);
  };
  const now = deps.clock().toISOString();
  await writeOrUndo(
    () => deps.db.$executeRaw`
      UPDATE "Lead" SET "appointmentStatus" = 'BOOKED', "calendlyNoShowUri" = NULL,
        "calendlyEventAt" = GREATEST("calendlyEventAt", ${now}::timestamp(3)), "updatedAt" = ${now}::timestamp(3)
      WHERE id = ${lead.id} AND "calendlyInviteeUri" = ${lead.calendlyInviteeUri}
        AND "appointmentStatus" IN ('NO_SHOW', 'BOOKED')`,
    undo,
  );
  return getLeadDetails(deps, leadId);
}
