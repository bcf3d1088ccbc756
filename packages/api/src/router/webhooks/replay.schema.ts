import { input, text, workspaceId } from "../../lib/validators.ts";

export const replaySchema = input({
  workspaceId,
  ids: text().trim().min(1).max(64).array().min(1, "Choose at least one event").max(500, "At most 500 events at once"),
});
