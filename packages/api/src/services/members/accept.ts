// Accepting an invitation: the only way an account is created (besides the demo seed). A new
// person sets a name and password; someone who already has an account signs in and accepts. Either
// way the invitation is used once: a conditional update inside the transaction decides which of
// two concurrent accepts wins.
import { randomUUID } from "node:crypto";
import type { MemberRole, Prisma } from "@booking/db";
import { normalizeEmail } from "@booking/db";
import { hashPassword } from "better-auth/crypto";
import { DomainError } from "../../errors.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import type { MembersDeps } from "./deps.ts";
import { hashInvitationToken } from "./tokens.ts";

type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export type InvitationView = {
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  status: InvitationStatus;
  /** An account with this email exists: the person signs in to accept instead of setting a password. */
  hasAccount: boolean;
};

const notFound = () =>
  new DomainError(
    "NOT_FOUND",
    "This invitation link is not valid. It may have been replaced by a newer one: ask the workspace admin for a new link.",
  );

async function findByToken(db: MembersDeps["db"], token: string) {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      clientId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      client: { select: { name: true } },
    },
  });
  if (!inv) throw notFound();
  return inv;
}

const statusOf = (
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus =>
  inv.acceptedAt ? "accepted" : inv.revokedAt ? "revoked" : inv.expiresAt <= now ? "expired" : "pending";

/** What the invitation page shows. */
export async function getInvitation(deps: Pick<MembersDeps, "db" | "now">, token: string): Promise<InvitationView> {
  const inv = await findByToken(deps.db, token);
  const account = await deps.db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return {
    workspaceId: inv.clientId,
    workspaceName: inv.client.name,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    status: statusOf(inv, deps.now()),
    hasAccount: Boolean(account),
  };
}

function refuseUnusable(status: InvitationStatus): void {
  if (status === "accepted")
    throw new DomainError("PRECONDITION_FAILED", "This invitation has already been used. Sign in instead.");
  if (status === "revoked") throw new DomainError("PRECONDITION_FAILED", "This invitation was revoked.");
  if (status === "expired")
    throw new DomainError("PRECONDITION_FAILED", "This invitation has expired: ask the workspace admin to resend it.");
}

/**
 * Marks the invitation (and the same person's other pending invitations to that workspace) used and
 * writes their memberships. Refuses when another accept got there first.
 */
async function useInvitation(
  tx: Prisma.TransactionClient,
  inv: { id: string; clientId: string; email: string },
  now: Date,
): Promise<MemberRole[]> {
  const used = await tx.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (used.count === 0)
    throw new DomainError("PRECONDITION_FAILED", "This invitation has already been used. Sign in instead.");
  const siblings = await tx.invitation.findMany({
    where: { clientId: inv.clientId, email: inv.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  if (siblings.length)
    await tx.invitation.updateMany({ where: { id: { in: siblings.map((s) => s.id) } }, data: { acceptedAt: now } });
  const roles = await tx.invitation.findMany({
    where: { clientId: inv.clientId, email: inv.email, acceptedAt: now },
    select: { role: true },
  });
  const unique = [...new Set(roles.map((r) => r.role))];
  await tx.clientMember.createMany({
    data: unique.map((role) => ({ clientId: inv.clientId, email: inv.email, role })),
    skipDuplicates: true,
  });
  return unique;
}

/** A new person accepts: creates the account (name + password) and the membership. */
export async function acceptInvitationWithNewAccount(
  deps: Pick<MembersDeps, "db" | "now">,
  input: { token: string; name: string; password: string },
): Promise<{ email: string; workspaceId: string; roles: MemberRole[] }> {
  const inv = await findByToken(deps.db, input.token);
  const now = deps.now();
  refuseUnusable(statusOf(inv, now));
  const exists = await deps.db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  if (exists) throw new DomainError("CONFLICT", `An account for ${inv.email} exists: sign in to accept the invitation`);
  const password = await hashPassword(input.password);
  try {
    return await deps.db.$transaction(async (tx) => {
      const roles = await useInvitation(tx, inv, now);
      const userId = randomUUID();
      await tx.user.create({ data: { id: userId, name: input.name, email: inv.email, emailVerified: true } });
      await tx.account.create({
        data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password },
      });
      return { email: inv.email, workspaceId: inv.clientId, roles };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", `An account for ${inv.email} exists: sign in to accept the invitation`);
    throw error;
  }
}

/** A signed-in person accepts an invitation addressed to their own email. */
export async function acceptInvitationAsUser(
  deps: Pick<MembersDeps, "db" | "now">,
  input: { token: string; email: string },
): Promise<{ email: string; workspaceId: string; roles: MemberRole[] }> {
  const inv = await findByToken(deps.db, input.token);
  const now = deps.now();
  refuseUnusable(statusOf(inv, now));
  if (normalizeEmail(input.email) !== inv.email)
    throw new DomainError("FORBIDDEN", `This invitation is for ${inv.email}. Sign in as ${inv.email} to accept it.`);
  const roles = await deps.db.$transaction((tx) => useInvitation(tx, inv, now));
  return { email: inv.email, workspaceId: inv.clientId, roles };
}
