import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

// Runs for every page (not /api, not static files): a per-request CSP nonce for Next's and
// Mantine's scripts (Next reads it from the request's Content-Security-Policy header; the root
// layout passes `x-nonce` to Mantine's color-scheme script), HSTS when served over https, and the
// optimistic sign-in redirect for workspace pages (every tRPC procedure still checks the session).

const httpsOrigin = () => process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false;
const trustProxy = () => Number(process.env.TRUST_PROXY ?? 0) > 0;

function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Mantine writes its CSS variables in <style> elements and components set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function needsSession(pathname: string): boolean {
  return pathname === "/" || pathname === "/w" || pathname.startsWith("/w/");
}

export function proxy(request: NextRequest) {
  if (needsSession(request.nextUrl.pathname) && !getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    const next = request.nextUrl.pathname + request.nextUrl.search;
    if (next !== "/") url.searchParams.set("next", next);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = httpsOrigin() || (trustProxy() && request.headers.get("x-forwarded-proto") === "https");
  const csp = contentSecurityPolicy(nonce, https);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
