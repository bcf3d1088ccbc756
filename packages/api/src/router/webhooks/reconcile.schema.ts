import { z } from "zod";

export const reconcileSchema = z.object({
  since: z.coerce.date({ message: "A start date is required" }),
});
