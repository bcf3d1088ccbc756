// /api/auth/*: better-auth behind three guards of ours.
// - Sign-up is closed: every /sign-up/* request gets the same answer, whatever the email (accounts
//   are created from invitation links only, services/members/accept-invitation.ts). Nothing is
//   looked up, so neither the answer nor its timing tells whether an email is invited or registered.
// - Sign-in is throttled per account and per client address (sign-in-throttle.ts), with the
//   client address taken from X-Forwarded-For only as far as TRUST_PROXY allows (client-address.ts).
// - Bodies are capped (auth bodies are tiny).
import { normalizeEmail } from "@booking/db";
import { readBodyCapped } from "../http/read-body.ts";
import { clientAddress, normalizeAddress, PEER_ADDRESS_HEADER } from "./client-address.ts";
import { deviceCookie, deviceFor } from "./device-cookie.ts";
import type { SignInThrottle } from "./sign-in-throttle.ts";

const MAX_AUTH_BODY_BYTES = 64 * 1024;
/** Header better-auth reads the client address from (session records); set only by us. */
export const CLIENT_ADDRESS_HEADER = "x-booking-client-address";

export type AuthHandlerDeps = {
  auth: { handler: (req: Request) => Promise<Response> };
  throttle: SignInThrottle;
  /** BETTER_AUTH_SECRET: signs the device cookie. */
  secret: string;
  /** TRUST_PROXY: how many proxies in front of the app append to X-Forwarded-For (0: none, ignore the header). */
  trustProxyHops: number;
  onError?: (error: unknown) => void;
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });

export const SIGN_UP_CLOSED = {
  code: "SIGN_UP_CLOSED",
  message: "Accounts are created from an invitation link. Ask a workspace admin to invite you.",
} as const;

export function createAuthHandler(deps: AuthHandlerDeps): (req: Request) => Promise<Response> {
  return async (req) => {
    const path = new URL(req.url).pathname.replace(/\/+$/, "");
    if (/\/sign-up(\/|$)/.test(path)) return json(403, SIGN_UP_CLOSED);

    const headers = new Headers(req.headers);
    headers.delete(CLIENT_ADDRESS_HEADER);
    headers.delete(PEER_ADDRESS_HEADER);
    const client = clientAddress(req.headers, deps.trustProxyHops);
    headers.set(CLIENT_ADDRESS_HEADER, client);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const read = await readBodyCapped(req, MAX_AUTH_BODY_BYTES);
      if (!read) return json(413, { code: "PAYLOAD_TOO_LARGE", message: "Request body is too large" });
      body = read;
    }
    const forward = () =>
      deps.auth.handler(
        new Request(req.url, {
          method: req.method,
          headers,
          ...(body?.byteLength ? { body } : {}),
          signal: req.signal,
        }),
      );
    if (req.method !== "POST" || !path.endsWith("/sign-in/email")) return forward();

    let email = "";
    try {
      const parsed = JSON.parse(new TextDecoder().decode(body)) as { email?: unknown };
      if (typeof parsed.email === "string") email = normalizeEmail(parsed.email).slice(0, 320);
    } catch {
      /* better-auth answers the malformed body */
    }
    if (!email) return forward();

    const attempt = { email, client: normalizeAddress(client), device: deviceFor(req.headers, email, deps.secret) };
    let waitMs: number;
    try {
      waitMs = await deps.throttle.blockedFor(attempt);
    } catch (error) {
      (deps.onError ?? console.error)(error);
      return json(
        503,
        { code: "SERVICE_UNAVAILABLE", message: "Sign-in is unavailable right now. Try again shortly." },
        {
          "retry-after": "5",
        },
      );
    }
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return json(
        429,
        {
          code: "TOO_MANY_ATTEMPTS",
          message: `Too many sign-in attempts. Try again in ${describe(seconds)}.`,
          retryAfterSeconds: seconds,
        },
        { "retry-after": String(seconds) },
      );
    }

    const response = await forward();
    try {
      if (response.status === 401) await deps.throttle.failed(attempt);
      else if (response.ok) {
        await deps.throttle.succeeded(attempt);
        const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
        const withCookie = new Response(response.body, response);
        withCookie.headers.append("set-cookie", deviceCookie(email, deps.secret, { id: attempt.device, secure }));
        return withCookie;
      }
    } catch (error) {
      (deps.onError ?? console.error)(error);
    }
    return response;
  };
}

function describe(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
