// Cross-site request forgery guard for cookie-authenticated calls: a browser sends `Origin` (and
// `Sec-Fetch-Site`) with every POST; one from another origin is refused. Callers with a bearer
// token (internal services) are not browsers and are not checked; neither is a caller that sends
// neither header (not a browser either: a forged cross-site request always carries them).
import { TRPCError } from "@trpc/server";

function isCrossOrigin(req: Request, appUrl: string | undefined): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const allowed = new URL(appUrl ?? req.url).origin;
  const origin = req.headers.get("origin");
  if (origin !== null) return origin !== allowed;
  const site = req.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

export function refuseCrossOrigin(req: Request, appUrl: string | undefined): void {
  if (isCrossOrigin(req, appUrl))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Cross-origin request refused: call this from the app's own origin",
    });
}
