import type { Context } from "../../context.ts";
import { bookingLinkForLead } from "../../services/leads/index.ts";

export function bookingLinkHandler({ ctx, input }: { ctx: Context; input: { leadId: string } }) {
  return bookingLinkForLead({ db: ctx.db }, input.leadId);
}
