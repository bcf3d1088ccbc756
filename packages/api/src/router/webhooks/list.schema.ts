import { z } from "zod";

export const listSchema = z.object({
  status: z.enum(["RECEIVED", "PROCESSED", "IGNORED", "FAILED"], { message: "Unknown status" }).optional(),
  cursor: z.string().trim().min(1).max(64).nullish(),
  limit: z
    .number()
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(200, "Limit is at most 200")
    .optional(),
});
