import type { Context } from "../../context.ts";
import { type CreateWorkspaceParsed, createWorkspace } from "../../services/workspaces/index.ts";

export function createHandler({ ctx, input }: { ctx: Context; input: CreateWorkspaceParsed }) {
  return createWorkspace({ db: ctx.db }, input);
}
