import { router, workspaceMemberProcedure } from "../../trpc.ts";
import { bookingLinkHandler } from "./booking-link.handler.ts";
import { bookingLinkSchema } from "./booking-link.schema.ts";
import { createHandler } from "./create.handler.ts";
import { createSchema } from "./create.schema.ts";
import { getHandler } from "./get.handler.ts";
import { leadInput, leadMemberProcedure, leadSetterProcedure } from "./lead-procedure.ts";
import { listHandler } from "./list.handler.ts";
import { listSchema } from "./list.schema.ts";
import { markNoShowHandler, unmarkNoShowHandler } from "./no-show.handlers.ts";
import { timelineHandler } from "./timeline.handler.ts";
import { timelineSchema } from "./timeline.schema.ts";

export const leadsRouter = router({
  list: workspaceMemberProcedure.input(listSchema).query(listHandler),
  get: leadMemberProcedure.input(leadInput).query(getHandler),
  create: workspaceMemberProcedure.input(createSchema).mutation(createHandler),
  /** A query without `singleUse`; with it, it may create a link in Calendly (and store it on the lead). */
  bookingLink: leadMemberProcedure.input(bookingLinkSchema).query(bookingLinkHandler),
  timeline: leadMemberProcedure.input(timelineSchema).query(timelineHandler),
  markNoShow: leadSetterProcedure.input(leadInput).mutation(markNoShowHandler),
  unmarkNoShow: leadSetterProcedure.input(leadInput).mutation(unmarkNoShowHandler),
});
