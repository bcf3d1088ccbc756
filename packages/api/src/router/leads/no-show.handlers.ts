import type { Context } from "../../context.ts";
import { markNoShow, unmarkNoShow } from "../../services/leads/index.ts";
import { calendlyDeps } from "../integrations/calendly/deps.ts";

export function markNoShowHandler({ ctx, input }: { ctx: Context; input: { leadId: string } }) {
  return markNoShow(calendlyDeps(ctx), input.leadId);
}

export function unmarkNoShowHandler({ ctx, input }: { ctx: Context; input: { leadId: string } }) {
  return unmarkNoShow(calendlyDeps(ctx), input.leadId);
}
