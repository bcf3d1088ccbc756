import type { MemberRole } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { createInvitations, deliver, type MembersDeps } from "../members/index.ts";
import type { CreateWorkspaceParsed } from "./create-workspace.schema.ts";

export type CreatedWorkspace = {
  id: string;
  name: string;
  /** Everyone invited, each with the link that creates their account (or adds the role to it). */
  members: Array<{
    email: string;
    role: MemberRole;
    inviteUrl: string;
    inviteExpiresAt: Date;
    /** Whether the link was mailed (SMTP_URL configured). */
    inviteEmailed: boolean;
  }>;
};

function membersOf(input: CreateWorkspaceParsed): Array<{ email: string; role: MemberRole }> {
  const seen = new Set<string>();
  const out: Array<{ email: string; role: MemberRole }> = [];
  const add = (emails: string[] | undefined, role: MemberRole) => {
    for (const email of emails ?? []) {
      const key = `${role}:${email}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ email, role });
    }
  };
  add(input.adminEmails, "ADMIN");
  add(input.setterEmails, "SETTER");
  add(
    [...(input.inboxManagerEmails ?? []), ...(input.inboxManagerEmail ? [input.inboxManagerEmail] : [])],
    "INBOX_MANAGER",
  );
  return out;
}

/**
 * Creates a workspace with its settings (GHL by default) and an invitation per member and role
 * (single use, 7 days; memberships are written when a person accepts). Names are unique
 * case-insensitively: the check runs under a transaction-scoped advisory lock on the lower-cased
 * name, so two concurrent requests for the same name cannot both succeed.
 */
export async function createWorkspace(
  deps: MembersDeps,
  input: CreateWorkspaceParsed,
  invitedBy = "platform",
): Promise<CreatedWorkspace> {
  const members = membersOf(input);
  const created = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`workspace-name:${input.name.toLowerCase()}`}, 0))`;
    const clash = await tx.client.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (clash) {
      throw new DomainError("CONFLICT", `A workspace named "${input.name}" already exists`, {
        fieldErrors: { name: ["A workspace with this name already exists"] },
      });
    }
    const client = await tx.client.create({
      data: { name: input.name, settings: { create: { meetingBookingProvider: "GHL" } } },
      select: { id: true, name: true },
    });
    return { ...client, invitations: await createInvitations(tx, deps, client.id, members, invitedBy) };
  });
  const sent = await deliver(deps, created.name, created.invitations, invitedBy);
  return {
    id: created.id,
    name: created.name,
    members: sent.map((i) => ({
      email: i.email,
      role: i.role,
      inviteUrl: i.url,
      inviteExpiresAt: i.expiresAt,
      inviteEmailed: i.emailed,
    })),
  };
}
