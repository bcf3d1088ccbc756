// tRPC init: superjson, an errorFormatter that puts field errors in `data.fieldErrors`, the one
// middleware that turns DomainErrors into TRPCErrors, and the procedure builders.
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Context } from "./context.ts";
import { DomainError, type DomainErrorCode } from "./errors.ts";
import { isDatabaseUnavailable } from "./lib/db-errors.ts";
import { zodFieldErrors } from "./lib/field-errors.ts";
import { authorizeWorkspaceCached } from "./lib/read-caches.ts";
import { workspaceId } from "./lib/validators.ts";
import type { Actor } from "./services/access/index.ts";

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  INVALID_INPUT: "BAD_REQUEST",
  INVALID_CREDENTIALS: "BAD_REQUEST",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UPSTREAM_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

/** Field errors of a failure: zod issues by path merged with a DomainError's fieldErrors (null when none). */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  let merged: Record<string, string[]> | null = null;
  const add = (errors: Record<string, string[]> | undefined) => {
    if (!errors) return;
    merged ??= {};
    for (const [k, v] of Object.entries(errors)) merged[k] = [...(merged[k] ?? []), ...v];
  };
  if (cause instanceof ZodError) add(zodFieldErrors(cause));
  if (cause instanceof DomainError) add(cause.fieldErrors);
  return merged;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Never leak internals of unexpected failures to callers.
        ...(shape.data.code === "INTERNAL_SERVER_ERROR" ? { stack: undefined } : {}),
        domainCode: cause instanceof DomainError ? cause.code : null,
        fieldErrors: fieldErrorsOf(cause),
        retryAfterSeconds: cause instanceof DomainError ? (cause.retryAfterSeconds ?? null) : null,
      },
      message: shape.data.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : shape.message,
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * The one place DomainErrors become TRPCErrors (cause kept). A database that is unreachable or out
 * of pool connections is SERVICE_UNAVAILABLE (503, retryable), never INTERNAL_SERVER_ERROR.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(result.error.cause))
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The service is busy right now; try again in a moment",
      cause: result.error.cause,
    });
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const actor: Actor =
    ctx.session.kind === "platform"
      ? { kind: "platform" }
      : { kind: "user", email: ctx.session.email, name: ctx.session.name };
  return next({ ctx: { ...ctx, session: ctx.session, actor } });
});

export const platformAdminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "platform")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only platform admins can do this" });
  return next();
});

/**
 * Reads only `workspaceId` for authorization; the procedure's own strict schema (which includes
 * `workspaceId`, see lib/validators.ts `input`) parses the whole input and refuses unknown keys.
 */
const workspaceIdInput = z.looseObject({ workspaceId });

/** Members (any role) of `input.workspaceId`, and platform admins. Adds `ctx.access`. */
export const workspaceMemberProcedure = protectedProcedure.input(workspaceIdInput).use(async ({ ctx, input, next }) => {
  const access = await authorizeWorkspaceCached(ctx, ctx.actor, input.workspaceId, "member");
  return next({ ctx: { ...ctx, access } });
});

/** ADMIN members of `input.workspaceId`, and platform admins. */
export const workspaceAdminProcedure = protectedProcedure.input(workspaceIdInput).use(async ({ ctx, input, next }) => {
  const access = await authorizeWorkspaceCached(ctx, ctx.actor, input.workspaceId, "admin");
  return next({ ctx: { ...ctx, access } });
});
