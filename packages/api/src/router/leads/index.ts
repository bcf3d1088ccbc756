import { router, workspaceMemberProcedure } from "../../trpc.ts";
import { bookingLinkHandler } from "./booking-link.handler.ts";
import { createHandler } from "./create.handler.ts";
import { createSchema } from "./create.schema.ts";
import { getHandler } from "./get.handler.ts";
import { leadInput, leadMemberProcedure } from "./lead-procedure.ts";
import { listHandler } from "./list.handler.ts";
import { listSchema } from "./list.schema.ts";

export const leadsRouter = router({
  list: workspaceMemberProcedure.input(listSchema).query(listHandler),
  get: leadMemberProcedure.input(leadInput).query(getHandler),
  create: workspaceMemberProcedure.input(createSchema).mutation(createHandler),
  bookingLink: leadMemberProcedure.input(leadInput).query(bookingLinkHandler),
});
