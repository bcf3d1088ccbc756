import type { z } from "zod";
import type { Context } from "../../../context.ts";
import type { WorkspaceAccess } from "../../../services/access/index.ts";
import { updateCalendlyIntegration } from "../../../services/calendly/index.ts";
import { calendlyDeps } from "./deps.ts";
import type { updateSchema } from "./update.schema.ts";

type Input = z.output<typeof updateSchema> & { workspaceId: string };

export async function updateHandler({ ctx, input }: { ctx: Context & { access: WorkspaceAccess }; input: Input }) {
  const { workspaceId, ...rest } = input;
  const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const view = await updateCalendlyIntegration(calendlyDeps(ctx), workspaceId, changes);
  return { ...view, canEdit: ctx.access.canEdit };
}
