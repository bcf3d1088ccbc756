import type { Context } from "../../context.ts";
import { createWorkspace, type CreateWorkspaceParsed } from "../../services/workspaces/index.ts";

export function createHandler({ ctx, input }: { ctx: Context; input: CreateWorkspaceParsed }) {
  return createWorkspace({ db: ctx.db }, input);
}
