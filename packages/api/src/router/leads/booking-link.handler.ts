import type { z } from "zod";
import type { Context } from "../../context.ts";
import { bookingLinkForLead } from "../../services/leads/index.ts";
import { calendlyDeps } from "../integrations/calendly/deps.ts";
import type { bookingLinkSchema } from "./booking-link.schema.ts";

export function bookingLinkHandler({ ctx, input }: { ctx: Context; input: z.output<typeof bookingLinkSchema> }) {
  return bookingLinkForLead(calendlyDeps(ctx), input.leadId, { singleUse: input.singleUse === true });
}
