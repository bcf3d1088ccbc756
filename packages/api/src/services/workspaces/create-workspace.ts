import type { Db, MemberRole } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { CreateWorkspaceParsed } from "./create-workspace.schema.ts";

export type CreatedWorkspace = {
  id: string;
  name: string;
  members: Array<{ email: string; role: MemberRole }>;
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
 * Creates a workspace with its settings (GHL by default) and members. Names are unique
 * case-insensitively: the check runs under a transaction-scoped advisory lock on the lower-cased
 * name, so two concurrent requests for the same name cannot both succeed.
 */
export async function createWorkspace(deps: { db: Db }, input: CreateWorkspaceParsed): Promise<CreatedWorkspace> {
  const members = membersOf(input);
  return deps.db.$transaction(async (tx) => {
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
      data: {
        name: input.name,
        settings: { create: { meetingBookingProvider: "GHL" } },
        members: { create: members },
      },
      select: { id: true, name: true },
    });
    return { id: client.id, name: client.name, members };
  });
}
