import type { Db, MemberRole } from "@booking/db";
import { normalizeEmail } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { Actor } from "./actor.ts";

export type WorkspaceAccess = {
  workspaceId: string;
  roles: MemberRole[];
  isPlatformAdmin: boolean;
  /** ADMIN members and platform admins may change integrations and settings. */
  canEdit: boolean;
};

/**
 * Checks that `actor` may reach `workspaceId`. A non-member gets the same NOT_FOUND as a missing
 * workspace (no probing for other tenants' ids); a member without ADMIN gets FORBIDDEN for `need: "admin"`.
 */
export async function authorizeWorkspace(
  db: Db,
  actor: Actor,
  workspaceId: string,
  need: "member" | "admin",
): Promise<WorkspaceAccess> {
  const notFound = () => new DomainError("NOT_FOUND", "Workspace not found");
  if (actor.kind === "platform") {
    const exists = await db.client.findUnique({ where: { id: workspaceId }, select: { id: true } });
    if (!exists) throw notFound();
    return { workspaceId, roles: [], isPlatformAdmin: true, canEdit: true };
  }
  const rows = await db.clientMember.findMany({
    where: { clientId: workspaceId, email: normalizeEmail(actor.email) },
    select: { role: true },
  });
  if (rows.length === 0) throw notFound();
  const roles = [...new Set(rows.map((r) => r.role))];
  const canEdit = roles.includes("ADMIN");
  if (need === "admin" && !canEdit) {
    throw new DomainError("FORBIDDEN", "Only workspace admins can change this");
  }
  return { workspaceId, roles, isPlatformAdmin: false, canEdit };
}
