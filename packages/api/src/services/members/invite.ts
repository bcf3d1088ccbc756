import type { Db, MemberRole, Prisma } from "@booking/db";
import { normalizeEmail } from "@booking/db";
import { DomainError } from "../../errors.ts";
import type { MembersDeps } from "./deps.ts";
import { INVITATION_TTL_MS, invitationUrl, newInvitationToken } from "./tokens.ts";

type Tx = Prisma.TransactionClient | Db;

/** An invitation just created or renewed: the only moment its link exists in clear. */
export type IssuedInvitation = {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  url: string;
  /** Whether the link was mailed (SMTP_URL configured and the server took it). */
  emailed: boolean;
  /** Why mailing failed, when it did. */
  emailError: string | null;
};

/** Creates pending invitations inside the caller's transaction; mailing is `deliver`'s job, after commit. */
export async function createInvitations(
  tx: Tx,
  deps: Pick<MembersDeps, "now" | "appUrl">,
  workspaceId: string,
  invites: Array<{ email: string; role: MemberRole }>,
  invitedBy: string,
): Promise<IssuedInvitation[]> {
  const expiresAt = new Date(deps.now().getTime() + INVITATION_TTL_MS);
  const out: IssuedInvitation[] = [];
  for (const { email, role } of invites) {
    const { token, tokenHash } = newInvitationToken();
    const row = await tx.invitation.create({
      data: { clientId: workspaceId, email: normalizeEmail(email), role, tokenHash, invitedBy, expiresAt },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    out.push({ ...row, url: invitationUrl(deps.appUrl, token), emailed: false, emailError: null });
  }
  return out;
}

/** Mails each link where a mailer is configured; records when it was sent. Never throws for a mail failure. */
export async function deliver(
  deps: MembersDeps,
  workspaceName: string,
  invitations: IssuedInvitation[],
  invitedBy: string,
): Promise<IssuedInvitation[]> {
  const mailer = deps.mailer;
  if (!mailer) return invitations;
  return Promise.all(
    invitations.map(async (inv) => {
      try {
        await mailer.send({
          to: inv.email,
          workspaceName,
          role: inv.role,
          url: inv.url,
          expiresAt: inv.expiresAt,
          invitedBy,
        });
        await deps.db.invitation.update({ where: { id: inv.id }, data: { lastSentAt: deps.now() } });
        return { ...inv, emailed: true };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ...inv, emailError: `The email could not be sent (${reason.slice(0, 200)}); copy the link instead` };
      }
    }),
  );
}

const lockEmail = (tx: Tx, workspaceId: string, email: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invite:${workspaceId}:${email}`}, 0))`;

/** An admin invites one person with a role. */
export async function inviteMember(
  deps: MembersDeps,
  input: { workspaceId: string; email: string; role: MemberRole; invitedBy: string },
): Promise<IssuedInvitation> {
  const email = normalizeEmail(input.email);
  const { issued, workspaceName } = await deps.db.$transaction(async (tx) => {
    await lockEmail(tx, input.workspaceId, email);
    const member = await tx.clientMember.findFirst({
      where: { clientId: input.workspaceId, email, role: input.role },
      select: { id: true },
    });
    if (member)
      throw new DomainError("CONFLICT", `${email} is already a member with this role`, {
        fieldErrors: { email: ["Already a member with this role"] },
      });
    const pending = await tx.invitation.findFirst({
      where: { clientId: input.workspaceId, email, role: input.role, acceptedAt: null, revokedAt: null },
      select: { id: true },
    });
    if (pending)
      throw new DomainError("CONFLICT", `${email} is already invited with this role`, {
        fieldErrors: { email: ["Already invited with this role: resend the invitation from the list"] },
      });
    const ws = await tx.client.findUniqueOrThrow({ where: { id: input.workspaceId }, select: { name: true } });
    const [issued] = await createInvitations(
      tx,
      deps,
      input.workspaceId,
      [{ email, role: input.role }],
      input.invitedBy,
    );
    return { issued: issued!, workspaceName: ws.name };
  });
  const [sent] = await deliver(deps, workspaceName, [issued], input.invitedBy);
  return sent!;
}

async function pendingInvitation(db: Tx, workspaceId: string, invitationId: string) {
  const inv = await db.invitation.findFirst({
    where: { id: invitationId, clientId: workspaceId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, client: { select: { name: true } } },
  });
  if (!inv) throw new DomainError("NOT_FOUND", "Invitation not found (it may have been accepted or revoked)");
  return inv;
}

/** A new link (the old one stops working) with a fresh expiry, mailed where possible. */
export async function resendInvitation(
  deps: MembersDeps,
  input: { workspaceId: string; invitationId: string; invitedBy: string },
): Promise<IssuedInvitation> {
  const inv = await pendingInvitation(deps.db, input.workspaceId, input.invitationId);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(deps.now().getTime() + INVITATION_TTL_MS);
  const updated = await deps.db.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null },
    data: { tokenHash, expiresAt },
  });
  if (updated.count === 0)
    throw new DomainError("NOT_FOUND", "Invitation not found (it may have been accepted or revoked)");
  const issued: IssuedInvitation = {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    expiresAt,
    url: invitationUrl(deps.appUrl, token),
    emailed: false,
    emailError: null,
  };
  const [sent] = await deliver(deps, inv.client.name, [issued], input.invitedBy);
  return sent!;
}

/** The pending invitation stops working and leaves the list. */
export async function revokeInvitation(
  deps: MembersDeps,
  input: { workspaceId: string; invitationId: string },
): Promise<{ id: string }> {
  const inv = await pendingInvitation(deps.db, input.workspaceId, input.invitationId);
  const updated = await deps.db.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: deps.now() },
  });
  if (updated.count === 0)
    throw new DomainError("NOT_FOUND", "Invitation not found (it may have been accepted or revoked)");
  return { id: inv.id };
}
