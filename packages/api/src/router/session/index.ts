import { noInput } from "../../lib/validators.ts";
import { publicProcedure, router } from "../../trpc.ts";
import { meHandler } from "./me.handler.ts";

export const sessionRouter = router({
  me: publicProcedure.input(noInput).query(meHandler),
});
