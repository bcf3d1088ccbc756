import { z } from "zod";
import { input, text, workspaceId } from "../../lib/validators.ts";

export const listSchema = input({
  workspaceId,
  status: z
    .enum(["NONE", "BOOKED", "CANCELED", "RESCHEDULED", "NO_SHOW"], { message: "Unknown appointment status" })
    .optional(),
  /** Prefix of the lead's name, of its last word, or of its email; blank means no search. */
  search: text().trim().max(100, "Search is at most 100 characters").optional(),
  cursor: text().trim().min(1).max(512, "Invalid cursor").nullish(),
  limit: z
    .number()
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(100, "Limit is at most 100")
    .optional(),
});
