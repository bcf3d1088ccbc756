import { workspaceInput } from "../../../lib/validators.ts";
import { router, workspaceAdminProcedure, workspaceMemberProcedure } from "../../../trpc.ts";
import { disconnectHandler } from "./disconnect.handler.ts";
import { eventTypesHandler } from "./event-types.handler.ts";
import { getHandler } from "./get.handler.ts";
import { ensureSubscriptionHandler, healthHandler, removeSubscriptionHandler } from "./subscription.handlers.ts";
import { testConnectionHandler } from "./test-connection.handler.ts";
import { updateHandler } from "./update.handler.ts";
import { updateSchema } from "./update.schema.ts";

/**
 * Reads are open to members; everything that calls Calendly with the workspace's token or changes
 * the integration is for ADMIN members and platform admins.
 */
export const calendlyRouter = router({
  get: workspaceMemberProcedure.input(workspaceInput).query(getHandler),
  update: workspaceAdminProcedure.input(updateSchema).mutation(updateHandler),
  testConnection: workspaceAdminProcedure.input(workspaceInput).mutation(testConnectionHandler),
  eventTypes: workspaceAdminProcedure.input(workspaceInput).query(eventTypesHandler),
  ensureSubscription: workspaceAdminProcedure.input(workspaceInput).mutation(ensureSubscriptionHandler),
  removeSubscription: workspaceAdminProcedure.input(workspaceInput).mutation(removeSubscriptionHandler),
  health: workspaceMemberProcedure.input(workspaceInput).query(healthHandler),
  disconnect: workspaceAdminProcedure.input(workspaceInput).mutation(disconnectHandler),
});
