import { normalizeEmail } from "@booking/db";
import { TRPCError } from "@trpc/server";
import type { Session } from "../context.ts";
import { bearerToken, safeEqual } from "../lib/safe-equal.ts";
import type { TtlCache } from "../lib/ttl-cache.ts";

/** The part of a better-auth instance this module needs (keeps tests free to pass a stub-free real one). */
export type SessionReader = {
  api: {
    getSession(opts: {
      headers: Headers;
    }): Promise<{ user: { email: string; name: string }; session?: { expiresAt?: Date | string } } | null>;
  };
};

/**
 * Signed-in sessions already verified, by the request's Cookie header (read path: the same cookie
 * comes with every request of a page). Only sessions are kept, never a refusal; an entry lives at
 * most the cache's TTL and never past the session's expiry: a session revoked elsewhere is
 * honoured for at most that TTL.
 */
export type SessionCache = TtlCache<Exclude<Session, null>>;

/**
 * Who is calling: `Authorization: Bearer $INTERNAL_API_TOKEN` is a platform admin (constant-time
 * compare); any other bearer is rejected with UNAUTHORIZED rather than treated as anonymous.
 * Without a bearer, the better-auth session cookie decides.
 */
export async function sessionFromRequest(
  req: Request,
  deps: { auth?: SessionReader; internalApiToken?: string; cache?: SessionCache },
): Promise<Session> {
  const bearer = bearerToken(req.headers.get("authorization"));
  if (bearer !== undefined) {
    if (deps.internalApiToken && bearer && safeEqual(bearer, deps.internalApiToken)) return { kind: "platform" };
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Invalid bearer token" });
  }
  if (!deps.auth) return null;
  const cookie = req.headers.get("cookie");
  const key = cookie?.includes("session_token") ? cookie : null;
  const cached = key ? deps.cache?.get(key) : undefined;
  if (cached) return cached;
  const result = await deps.auth.api.getSession({ headers: req.headers });
  if (!result) return null;
  const session = { kind: "user" as const, email: normalizeEmail(result.user.email), name: result.user.name };
  if (key && deps.cache) {
    const expires = result.session?.expiresAt ? new Date(result.session.expiresAt).getTime() : Number.NaN;
    deps.cache.set(key, session, Number.isNaN(expires) ? undefined : expires - Date.now());
  }
  return session;
}
