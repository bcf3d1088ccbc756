import type { Context } from "../../context.ts";
import type { WorkspaceAccess } from "../../services/access/index.ts";
import { getSettings } from "../../services/settings/index.ts";

export async function getHandler({
  ctx,
  input,
}: {
  ctx: Context & { access: WorkspaceAccess };
  input: { workspaceId: string };
}) {
  const settings = await getSettings({ db: ctx.db }, input.workspaceId);
  return { ...settings, canEdit: ctx.access.canEdit };
}
