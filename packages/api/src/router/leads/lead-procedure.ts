import { z } from "zod";
import { DomainError } from "../../errors.ts";
import { authorizeWorkspaceCached } from "../../lib/read-caches.ts";
import { input, leadId } from "../../lib/validators.ts";
import { leadWorkspaceId } from "../../services/leads/index.ts";
import { protectedProcedure } from "../../trpc.ts";

/** Input of an operation on one lead that takes nothing else. */
export const leadInput = input({ leadId });

/**
 * Members of the lead's workspace. A lead of another workspace is NOT_FOUND, like a missing one.
 * Reads only `leadId`; each procedure chains its own strict schema (with `leadId`).
 */
export const leadMemberProcedure = protectedProcedure
  .input(z.looseObject({ leadId }))
  .use(async ({ ctx, input, next }) => {
    const known = ctx.caches?.leadWorkspace.get(input.leadId);
    const workspaceId = known ?? (await leadWorkspaceId({ db: ctx.db }, input.leadId));
    if (!known) ctx.caches?.leadWorkspace.set(input.leadId, workspaceId);
    try {
      const access = await authorizeWorkspaceCached(ctx, ctx.actor, workspaceId, "member");
      return next({ ctx: { ...ctx, access } });
    } catch (e) {
      if (e instanceof DomainError && e.code === "NOT_FOUND") throw new DomainError("NOT_FOUND", "Lead not found");
      throw e;
    }
  });

/** Setters and admins of the lead's workspace (and platform admins): they work the lead's meeting. */
export const leadSetterProcedure = leadMemberProcedure.use(({ ctx, next }) => {
  const { access } = ctx;
  if (!access.isPlatformAdmin && !access.roles.includes("ADMIN") && !access.roles.includes("SETTER")) {
    throw new DomainError("FORBIDDEN", "Only setters and admins of this workspace can do this");
  }
  return next();
});
