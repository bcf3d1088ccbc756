import { z } from "zod";

export const replaySchema = z.object({
  ids: z
    .array(z.string().trim().min(1).max(64))
    .min(1, "Choose at least one event")
    .max(500, "At most 500 events at once"),
});
