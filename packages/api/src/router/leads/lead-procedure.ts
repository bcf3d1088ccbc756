import { z } from "zod";
import { DomainError } from "../../errors.ts";
import { authorizeWorkspace } from "../../services/access/index.ts";
import { leadWorkspaceId } from "../../services/leads/index.ts";
import { protectedProcedure } from "../../trpc.ts";

const leadIdInput = z.object({
  leadId: z.string().trim().min(1, "Lead is required").max(64, "Lead id is too long"),
});

/** Members of the lead's workspace. A lead of another workspace is NOT_FOUND, like a missing one. */
export const leadMemberProcedure = protectedProcedure.input(leadIdInput).use(async ({ ctx, input, next }) => {
  const workspaceId = await leadWorkspaceId({ db: ctx.db }, input.leadId);
  try {
    const access = await authorizeWorkspace(ctx.db, ctx.actor, workspaceId, "member");
    return next({ ctx: { ...ctx, access } });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") throw new DomainError("NOT_FOUND", "Lead not found");
    throw e;
  }
});
