import type { z } from "zod";
import type { Context } from "../../context.ts";
import type { WorkspaceAccess } from "../../services/access/index.ts";
import { updateSettings } from "../../services/settings/index.ts";
import type { updateSchema } from "./update.schema.ts";

export async function updateHandler({
  ctx,
  input,
}: {
  ctx: Context & { access: WorkspaceAccess };
  input: z.output<typeof updateSchema> & { workspaceId: string };
}) {
  const { workspaceId, ...changes } = input;
  const settings = await updateSettings({ db: ctx.db }, workspaceId, changes);
  return { ...settings, canEdit: ctx.access.canEdit };
}
