import type { Db, LeadSource } from "@booking/db";
import { normalizeEmail } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { leadSelect, type LeadView } from "./lead-view.ts";

export type CreateLeadInput = { workspaceId: string; name: string; email: string; phone?: string | null; source?: LeadSource };

/**
 * Creates a lead. Emails are stored lower-case and are unique per workspace (webhook mapping
 * finds leads by email), so a second lead with the same email is a CONFLICT. The check runs
 * under an advisory lock on (workspace, email) so concurrent creates cannot both pass.
 */
export async function createLead(deps: { db: Db }, input: CreateLeadInput): Promise<LeadView> {
  const email = normalizeEmail(input.email);
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lead:${input.workspaceId}:${email}`}, 0))`;
    const clash = await tx.lead.findFirst({ where: { clientId: input.workspaceId, email }, select: { id: true } });
    if (clash) {
      throw new DomainError("CONFLICT", "This workspace already has a lead with that email", {
        fieldErrors: { email: ["A lead with this email already exists"] },
      });
    }
    return tx.lead.create({
      data: { clientId: input.workspaceId, name: input.name.trim(), email, phone: input.phone ?? null, source: input.source ?? "MANUAL" },
      select: leadSelect,
    });
  });
}
