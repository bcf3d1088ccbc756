import { normalizeEmail } from "@booking/db";
import { TRPCError } from "@trpc/server";
import type { Session } from "../context.ts";
import { bearerToken, safeEqual } from "../lib/safe-equal.ts";

/** The part of a better-auth instance this module needs (keeps tests free to pass a stub-free real one). */
export type SessionReader = {
  api: { getSession(opts: { headers: Headers }): Promise<{ user: { email: string; name: string } } | null> };
};

/**
 * Who is calling: `Authorization: Bearer $INTERNAL_API_TOKEN` is a platform admin (constant-time
 * compare); any other bearer is rejected with UNAUTHORIZED rather than treated as anonymous.
 * Without a bearer, the better-auth session cookie decides.
 */
export async function sessionFromRequest(
  req: Request,
  deps: { auth?: SessionReader; internalApiToken?: string },
): Promise<Session> {
  const bearer = bearerToken(req.headers.get("authorization"));
  if (bearer !== undefined) {
    if (deps.internalApiToken && bearer && safeEqual(bearer, deps.internalApiToken)) return { kind: "platform" };
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Invalid bearer token" });
  }
  if (!deps.auth) return null;
  const result = await deps.auth.api.getSession({ headers: req.headers });
  if (!result) return null;
  return { kind: "user", email: normalizeEmail(result.user.email), name: result.user.name };
}
