import type { Context } from "../../../context.ts";
import type { WorkspaceAccess } from "../../../services/access/index.ts";
import { getCalendlyIntegration } from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";

export async function getHandler({
  ctx,
  input,
}: {
  ctx: Context & { access: WorkspaceAccess };
  input: { workspaceId: string };
}) {
  const view = await getCalendlyIntegration(calendlyDeps(ctx), input.workspaceId);
  return { ...view, canEdit: ctx.access.canEdit };
}
