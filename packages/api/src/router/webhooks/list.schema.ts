import { z } from "zod";
import { input, text, workspaceId } from "../../lib/validators.ts";

export const listSchema = input({
  workspaceId,
  status: z.enum(["RECEIVED", "PROCESSED", "IGNORED", "FAILED"], { message: "Unknown status" }).optional(),
  /** The previous page's `nextCursor` (opaque). */
  cursor: text().trim().min(1).max(200).nullish(),
  limit: z
    .number()
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(200, "Limit is at most 200")
    .optional(),
});
