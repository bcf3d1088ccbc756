// Members of a workspace and invitations. Admins (and platform admins) invite, resend, revoke and
// remove; any member lists; the invitation page reads and accepts by token.
import {
  protectedProcedure,
  publicProcedure,
  router,
  workspaceAdminProcedure,
  workspaceMemberProcedure,
} from "../../trpc.ts";
import {
  acceptHandler,
  acceptNewHandler,
  invitationHandler,
  inviteHandler,
  listHandler,
  removeHandler,
  resendHandler,
  revokeHandler,
} from "./handlers.ts";
import { acceptNewSchema, invitationIdSchema, inviteSchema, listSchema, removeSchema, tokenSchema } from "./schemas.ts";

export const membersRouter = router({
  list: workspaceMemberProcedure.input(listSchema).query(listHandler),
  invite: workspaceAdminProcedure.input(inviteSchema).mutation(inviteHandler),
  resend: workspaceAdminProcedure.input(invitationIdSchema).mutation(resendHandler),
  revoke: workspaceAdminProcedure.input(invitationIdSchema).mutation(revokeHandler),
  remove: workspaceAdminProcedure.input(removeSchema).mutation(removeHandler),
  invitation: publicProcedure.input(tokenSchema).query(invitationHandler),
  acceptNew: publicProcedure.input(acceptNewSchema).mutation(acceptNewHandler),
  accept: protectedProcedure.input(tokenSchema).mutation(acceptHandler),
});
