export {
  type CalendlyClientFactory,
  type CalendlyOAuthClient,
  createCalendlyClientFactory,
  createCalendlyOAuthClient,
} from "@booking/calendly";
export {
  type Auth,
  type CreateAuthOptions,
  createAuth,
  createAuthHandler,
  createSignInThrottle,
  PEER_ADDRESS_HEADER,
  sessionFromRequest,
} from "./auth/index.ts";
export { type Context, type CreateContextOptions, createContextInner, type Session } from "./context.ts";
export { type ApiEnv, EnvError, loadApiEnv } from "./env.ts";
export { DomainError, type DomainErrorCode, isDomainError } from "./errors.ts";
export { createAdminWorkspacesHandler } from "./http/admin-workspaces.ts";
export { createFetchHandler, type FetchHandlerDeps } from "./http/fetch-handler.ts";
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from "./root.ts";
export { createInvitationMailer } from "./services/members/index.ts";
export { createCallerFactory, toTRPCError } from "./trpc.ts";
