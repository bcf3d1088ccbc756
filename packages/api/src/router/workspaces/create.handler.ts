import type { Context } from "../../context.ts";
import type { Actor } from "../../services/access/index.ts";
import { type CreateWorkspaceParsed, createWorkspace } from "../../services/workspaces/index.ts";

export function createHandler({ ctx, input }: { ctx: Context & { actor: Actor }; input: CreateWorkspaceParsed }) {
  return createWorkspace(
    { db: ctx.db, now: ctx.now, appUrl: ctx.env.appUrl, mailer: ctx.env.mailer ?? null },
    input,
    ctx.actor.kind === "platform" ? "platform" : ctx.actor.email,
  );
}
