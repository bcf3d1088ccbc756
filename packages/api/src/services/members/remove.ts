import { normalizeEmail } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { MembersDeps } from "./deps.ts";

/**
 * Removes a person from the workspace: all their ClientMember rows (every role) and their pending
 * invitations there. Their account stays (it may belong to other workspaces). The last admin
 * cannot be removed, so a workspace is never left without one.
 */
export async function removeMember(
  deps: Pick<MembersDeps, "db" | "now">,
  input: { workspaceId: string; email: string },
): Promise<{ email: string }> {
  const email = normalizeEmail(input.email);
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${input.workspaceId}`}, 0))`;
    const rows = await tx.clientMember.findMany({
      where: { clientId: input.workspaceId, email },
      select: { role: true },
    });
    if (rows.length === 0) throw new DomainError("NOT_FOUND", "Member not found");
    if (rows.some((r) => r.role === "ADMIN")) {
      const admins = await tx.clientMember.count({
        where: { clientId: input.workspaceId, role: "ADMIN", email: { not: email } },
      });
      if (admins === 0)
        throw new DomainError(
          "PRECONDITION_FAILED",
          "The last admin of a workspace cannot be removed: make someone else admin first",
        );
    }
    await tx.clientMember.deleteMany({ where: { clientId: input.workspaceId, email } });
    await tx.invitation.updateMany({
      where: { clientId: input.workspaceId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: deps.now() },
    });
    return { email };
  });
}
