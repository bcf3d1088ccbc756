import { type Db, type LeadSource, normalizeEmail } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import { type LeadView, leadSelect } from "./lead-view.ts";

export type CreateLeadInput = {
  workspaceId: string;
  name: string;
  email: string;
  phone?: string | null;
  source?: LeadSource;
};

/**
 * Creates a lead. Emails are stored lower-case and are unique per workspace (a database
 * constraint that webhook mapping relies on too), so a second lead with the same email — even one
 * created concurrently — is a CONFLICT.
 */
export async function createLead(deps: { db: Db }, input: CreateLeadInput): Promise<LeadView> {
  const email = normalizeEmail(input.email);
  try {
    return await deps.db.lead.create({
      data: {
        clientId: input.workspaceId,
        name: input.name.trim(),
        email,
        phone: input.phone ?? null,
        source: input.source ?? "MANUAL",
      },
      select: leadSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "This workspace already has a lead with that email", {
        fieldErrors: { email: ["A lead with this email already exists"] },
        cause: error,
      });
    }
    throw error;
  }
}
