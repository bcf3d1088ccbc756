import type { z } from "zod";
import type { Context } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import type { Actor, WorkspaceAccess } from "../../services/access/index.ts";
import {
  acceptInvitationAsUser,
  acceptInvitationWithNewAccount,
  getInvitation,
  inviteMember,
  listMembers,
  type MembersDeps,
  removeMember,
  resendInvitation,
  revokeInvitation,
} from "../../services/members/index.ts";
import type {
  acceptNewSchema,
  invitationIdSchema,
  inviteSchema,
  listSchema,
  removeSchema,
  tokenSchema,
} from "./schemas.ts";

type WorkspaceCtx = Context & { actor: Actor; access: WorkspaceAccess };
type Args<S extends z.ZodType, C = WorkspaceCtx> = { ctx: C; input: z.output<S> };

const depsOf = (ctx: Context): MembersDeps => ({
  db: ctx.db,
  now: ctx.now,
  appUrl: ctx.env.appUrl,
  mailer: ctx.env.mailer ?? null,
});
const actorLabel = (actor: Actor) => (actor.kind === "platform" ? "platform" : actor.email);

export const listHandler = async ({ ctx, input }: Args<typeof listSchema>) => ({
  ...(await listMembers(depsOf(ctx), { workspaceId: input.workspaceId, includeInvitations: ctx.access.canEdit })),
  canManage: ctx.access.canEdit,
  mailsInvitations: Boolean(ctx.env.mailer),
});

export const inviteHandler = ({ ctx, input }: Args<typeof inviteSchema>) =>
  inviteMember(depsOf(ctx), { ...input, invitedBy: actorLabel(ctx.actor) });

export const resendHandler = ({ ctx, input }: Args<typeof invitationIdSchema>) =>
  resendInvitation(depsOf(ctx), { ...input, invitedBy: actorLabel(ctx.actor) });

export const revokeHandler = ({ ctx, input }: Args<typeof invitationIdSchema>) => revokeInvitation(depsOf(ctx), input);

export const removeHandler = ({ ctx, input }: Args<typeof removeSchema>) => removeMember(depsOf(ctx), input);

export const invitationHandler = ({ ctx, input }: Args<typeof tokenSchema, Context>) =>
  getInvitation(depsOf(ctx), input.token);

export const acceptNewHandler = ({ ctx, input }: Args<typeof acceptNewSchema, Context>) =>
  acceptInvitationWithNewAccount(depsOf(ctx), input);

export const acceptHandler = ({ ctx, input }: Args<typeof tokenSchema, Context & { actor: Actor }>) => {
  if (ctx.actor.kind !== "user")
    throw new DomainError("FORBIDDEN", "Sign in as the invited person to accept an invitation");
  return acceptInvitationAsUser(depsOf(ctx), { token: input.token, email: ctx.actor.email });
};
