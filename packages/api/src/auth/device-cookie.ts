// The device cookie (OWASP "device cookies"): set when a browser signs in to an account, so that a
// lockout caused by someone else's guesses on that account does not lock its owner out of the
// browser they already use. Value: <device id>.<HMAC(secret, email + device id)>, HttpOnly.
import { createHmac, randomBytes } from "node:crypto";
import { safeEqual } from "../lib/safe-equal.ts";

const DEVICE_COOKIE = "booking_device";
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const mac = (secret: string, email: string, id: string) =>
  createHmac("sha256", secret).update(`device\n${email}\n${id}`, "utf8").digest("base64url");

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The device id the request's cookie proves for `email`, if any. */
export function deviceFor(headers: Headers, email: string, secret: string): string | undefined {
  const value = cookieValue(headers.get("cookie"), DEVICE_COOKIE);
  const [id, sig, ...rest] = (value ?? "").split(".");
  if (!id || !sig || rest.length || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
  return safeEqual(sig, mac(secret, email, id)) ? id : undefined;
}

/** A Set-Cookie value binding a (new or kept) device id to `email`. */
export function deviceCookie(
  email: string,
  secret: string,
  opts: { id?: string | undefined; secure: boolean },
): string {
  const id = opts.id ?? randomBytes(18).toString("base64url");
  return [
    `${DEVICE_COOKIE}=${id}.${mac(secret, email, id)}`,
    "Path=/api/auth",
    `Max-Age=${MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(opts.secure ? ["Secure"] : []),
  ].join("; ");
}
