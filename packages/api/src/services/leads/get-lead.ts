import type { Db } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { type LeadView, leadSelect } from "./lead-view.ts";

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
