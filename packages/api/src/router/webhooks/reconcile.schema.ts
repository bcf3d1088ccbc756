import { z } from "zod";
import { input, workspaceId } from "../../lib/validators.ts";

export const reconcileSchema = input({
  workspaceId,
  since: z.coerce.date({ message: "A start date is required" }),
});
