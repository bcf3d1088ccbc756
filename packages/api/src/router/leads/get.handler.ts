import type { Context } from "../../context.ts";
import { getLeadDetails } from "../../services/leads/index.ts";

export function getHandler({ ctx, input }: { ctx: Context; input: { leadId: string } }) {
  return getLeadDetails({ db: ctx.db }, input.leadId);
}
