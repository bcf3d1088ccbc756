export { appRouter, type AppRouter, type RouterInputs, type RouterOutputs } from "./root.ts";
export { createContextInner, type Context, type CreateContextOptions, type Session } from "./context.ts";
export { createCallerFactory, toTRPCError } from "./trpc.ts";
export { DomainError, isDomainError, type DomainErrorCode } from "./errors.ts";
export { createAuth, sessionFromRequest, type Auth, type CreateAuthOptions } from "./auth/index.ts";
export { createFetchHandler, type FetchHandlerDeps } from "./http/fetch-handler.ts";
export { createAdminWorkspacesHandler } from "./http/admin-workspaces.ts";
export { loadApiEnv, EnvError, type ApiEnv } from "./env.ts";
export { createCalendlyClientFactory, type CalendlyClientFactory } from "@booking/calendly";
