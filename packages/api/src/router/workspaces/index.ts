import { platformAdminProcedure, protectedProcedure, router } from "../../trpc.ts";
import { createHandler } from "./create.handler.ts";
import { createSchema } from "./create.schema.ts";
import { listHandler } from "./list.handler.ts";

export const workspacesRouter = router({
  list: protectedProcedure.query(listHandler),
  create: platformAdminProcedure.input(createSchema).mutation(createHandler),
});
