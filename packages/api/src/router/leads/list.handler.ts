import type { z } from "zod";
import type { Context } from "../../context.ts";
import { listLeads } from "../../services/leads/index.ts";
import type { listSchema } from "./list.schema.ts";

export function listHandler({
  ctx,
  input,
}: {
  ctx: Context;
  input: z.output<typeof listSchema> & { workspaceId: string };
}) {
  return listLeads(
    { db: ctx.db, sql: ctx.sql },
    {
      workspaceId: input.workspaceId,
      ...(input.status ? { status: input.status } : {}),
      ...(input.search ? { search: input.search } : {}),
      ...(input.cursor ? { cursor: input.cursor } : {}),
      ...(input.limit ? { limit: input.limit } : {}),
    },
  );
}
