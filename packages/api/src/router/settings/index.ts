import { workspaceInput } from "../../lib/validators.ts";
import { router, workspaceAdminProcedure, workspaceMemberProcedure } from "../../trpc.ts";
import { getHandler } from "./get.handler.ts";
import { updateHandler } from "./update.handler.ts";
import { updateSchema } from "./update.schema.ts";

export const settingsRouter = router({
  get: workspaceMemberProcedure.input(workspaceInput).query(getHandler),
  update: workspaceAdminProcedure.input(updateSchema).mutation(updateHandler),
});
