import type { z } from "zod";
import type { Context } from "../../context.ts";
import { createLead } from "../../services/leads/index.ts";
import type { createSchema } from "./create.schema.ts";

export function createHandler({
  ctx,
  input,
}: {
  ctx: Context;
  input: z.output<typeof createSchema> & { workspaceId: string };
}) {
  return createLead(
    { db: ctx.db },
    { workspaceId: input.workspaceId, name: input.name, email: input.email, phone: input.phone ?? null },
  );
}
