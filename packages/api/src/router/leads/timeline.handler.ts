import type { z } from "zod";
import type { Context } from "../../context.ts";
import type { WorkspaceAccess } from "../../services/access/index.ts";
import { leadTimeline } from "../../services/leads/index.ts";
import type { timelineSchema } from "./timeline.schema.ts";

export function timelineHandler({
  ctx,
  input,
}: {
  ctx: Context & { access: WorkspaceAccess };
  input: z.output<typeof timelineSchema>;
}) {
  return leadTimeline(
    { db: ctx.db },
    {
      workspaceId: ctx.access.workspaceId,
      leadId: input.leadId,
      ...(input.cursor ? { cursor: input.cursor } : {}),
      ...(input.limit ? { limit: input.limit } : {}),
    },
  );
}
