// Composes the domain routers; nothing else.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { integrationsRouter } from "./router/integrations/index.ts";
import { leadsRouter } from "./router/leads/index.ts";
import { membersRouter } from "./router/members/index.ts";
import { sessionRouter } from "./router/session/index.ts";
import { settingsRouter } from "./router/settings/index.ts";
import { webhooksRouter } from "./router/webhooks/index.ts";
import { workspacesRouter } from "./router/workspaces/index.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  session: sessionRouter,
  workspaces: workspacesRouter,
  settings: settingsRouter,
  integrations: integrationsRouter,
  leads: leadsRouter,
  members: membersRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
