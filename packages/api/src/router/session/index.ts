import { publicProcedure, router } from "../../trpc.ts";
import { meHandler } from "./me.handler.ts";

export const sessionRouter = router({
  me: publicProcedure.query(meHandler),
});
