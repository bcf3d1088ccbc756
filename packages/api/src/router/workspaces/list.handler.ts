import type { Context } from "../../context.ts";
import type { Actor } from "../../services/access/index.ts";
import { listWorkspaces } from "../../services/workspaces/index.ts";

export function listHandler({ ctx }: { ctx: Context & { actor: Actor } }) {
  return listWorkspaces({ db: ctx.db }, ctx.actor);
}
