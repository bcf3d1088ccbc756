import { z } from "zod";
import { input, leadId } from "../../lib/validators.ts";

export const bookingLinkSchema = input({
  leadId,
  /** A single-use Calendly scheduling link made for this lead (reused until the lead books). */
  singleUse: z.boolean({ message: "singleUse must be true or false" }).optional(),
});
