import { router, workspaceAdminProcedure, workspaceMemberProcedure } from "../../trpc.ts";
import { listHandler, reconcileHandler, replayHandler } from "./handlers.ts";
import { listSchema } from "./list.schema.ts";
import { reconcileSchema } from "./reconcile.schema.ts";
import { replaySchema } from "./replay.schema.ts";

export const webhooksRouter = router({
  list: workspaceMemberProcedure.input(listSchema).query(listHandler),
  replay: workspaceAdminProcedure.input(replaySchema).mutation(replayHandler),
  reconcile: workspaceAdminProcedure.input(reconcileSchema).mutation(reconcileHandler),
});
