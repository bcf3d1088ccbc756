import type { MemberRole } from "@booking/db";
import type { MembersDeps } from "./deps.ts";

export type MemberView = { email: string; name: string | null; roles: MemberRole[]; hasAccount: boolean };
export type PendingInvitationView = {
  id: string;
  email: string;
  role: MemberRole;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastSentAt: Date | null;
  expired: boolean;
};

const ROLE_ORDER: MemberRole[] = ["ADMIN", "SETTER", "INBOX_MANAGER"];

/** Members by email (with their roles) and, for admins, the pending invitations (expired ones included). */
export async function listMembers(
  deps: Pick<MembersDeps, "db" | "now">,
  input: { workspaceId: string; includeInvitations: boolean },
): Promise<{ members: MemberView[]; invitations: PendingInvitationView[] }> {
  const rows = await deps.db.clientMember.findMany({
    where: { clientId: input.workspaceId },
    orderBy: [{ email: "asc" }, { id: "asc" }],
    select: { email: true, role: true },
  });
  const emails = [...new Set(rows.map((r) => r.email))];
  const users = await deps.db.user.findMany({ where: { email: { in: emails } }, select: { email: true, name: true } });
  const names = new Map(users.map((u) => [u.email.toLowerCase(), u.name]));
  const members = emails.map((email) => ({
    email,
    name: names.get(email) ?? null,
    roles: ROLE_ORDER.filter((role) => rows.some((r) => r.email === email && r.role === role)),
    hasAccount: names.has(email),
  }));
  if (!input.includeInvitations) return { members, invitations: [] };
  const now = deps.now();
  const pending = await deps.db.invitation.findMany({
    where: { clientId: input.workspaceId, acceptedAt: null, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, email: true, role: true, invitedBy: true, createdAt: true, expiresAt: true, lastSentAt: true },
  });
  return { members, invitations: pending.map((p) => ({ ...p, expired: p.expiresAt <= now })) };
}
