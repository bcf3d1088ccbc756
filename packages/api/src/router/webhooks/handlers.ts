import type { z } from "zod";
import type { Context } from "../../context.ts";
import {
  listWebhookEvents,
  prismaRunner,
  reconcileCalendlyWorkspace,
  replayWebhookEvents,
} from "../../services/webhooks/index.ts";
import { calendlyDeps } from "../integrations/calendly/deps.ts";
import type { listSchema } from "./list.schema.ts";
import type { reconcileSchema } from "./reconcile.schema.ts";
import type { replaySchema } from "./replay.schema.ts";

type WithWorkspace<T> = T & { workspaceId: string };

export function listHandler({ ctx, input }: { ctx: Context; input: WithWorkspace<z.output<typeof listSchema>> }) {
  return listWebhookEvents({ sql: prismaRunner(ctx.db) }, input);
}

/** Only events of this workspace are replayed (unknown or foreign ids are NOT_FOUND). */
export function replayHandler({ ctx, input }: { ctx: Context; input: WithWorkspace<z.output<typeof replaySchema>> }) {
  return replayWebhookEvents(
    { sql: prismaRunner(ctx.db), clock: ctx.now },
    { workspaceId: input.workspaceId, ids: input.ids },
  );
}

export function reconcileHandler({
  ctx,
  input,
}: {
  ctx: Context;
  input: WithWorkspace<z.output<typeof reconcileSchema>>;
}) {
  return reconcileCalendlyWorkspace(calendlyDeps(ctx), { workspaceId: input.workspaceId, since: input.since });
}
