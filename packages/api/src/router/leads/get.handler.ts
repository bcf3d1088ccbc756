import type { Context } from "../../context.ts";
import { getLead } from "../../services/leads/index.ts";

export function getHandler({ ctx, input }: { ctx: Context; input: { leadId: string } }) {
  return getLead({ db: ctx.db }, input.leadId);
}
