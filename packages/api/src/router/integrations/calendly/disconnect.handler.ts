import type { Context } from "../../../context.ts";
import type { WorkspaceAccess } from "../../../services/access/index.ts";
import { disconnectCalendly } from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";

export async function disconnectHandler({
  ctx,
  input,
}: {
  ctx: Context & { access: WorkspaceAccess };
  input: { workspaceId: string };
}) {
  const view = await disconnectCalendly(calendlyDeps(ctx), input.workspaceId);
  return { ...view, canEdit: ctx.access.canEdit };
}
