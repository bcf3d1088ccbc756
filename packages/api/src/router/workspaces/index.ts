import { noInput } from "../../lib/validators.ts";
import { platformAdminProcedure, protectedProcedure, router } from "../../trpc.ts";
import { createHandler } from "./create.handler.ts";
import { createSchema } from "./create.schema.ts";
import { listHandler } from "./list.handler.ts";

export const workspacesRouter = router({
  list: protectedProcedure.input(noInput).query(listHandler),
  create: platformAdminProcedure.input(createSchema).mutation(createHandler),
});
