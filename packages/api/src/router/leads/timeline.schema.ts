import { z } from "zod";
import { input, leadId, text } from "../../lib/validators.ts";

export const timelineSchema = input({
  leadId,
  cursor: text().trim().min(1).max(512, "Invalid cursor").nullish(),
  limit: z
    .number()
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(500, "Limit is at most 500")
    .optional(),
});
