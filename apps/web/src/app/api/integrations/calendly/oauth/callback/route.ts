import { completeCalendlyOAuth } from "@booking/api/services";
import { serverDeps } from "../../../../../../server/deps.ts";
import { integrationsPath, resultPage, signInFirst } from "../result-page.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/integrations/calendly/oauth/callback: Calendly's redirect back; stores the connection or says why not. */
export async function GET(req: Request): Promise<Response> {
  const deps = serverDeps();
  const session = await deps.userSession(req);
  if (!session) return signInFirst(req);
  const result = await completeCalendlyOAuth(deps.calendlyServices(session), {
    actor: session,
    params: new URL(req.url).searchParams,
    redirectUri: deps.calendlyRedirectUri(req),
  });
  if (result.ok)
    return new Response(null, {
      status: 303,
      headers: { location: `${integrationsPath(result.workspaceId)}?calendly=connected` },
    });
  return resultPage({
    status: result.status,
    title: result.reason === "denied" ? "Calendly access was not granted" : "Calendly was not connected",
    message: result.message,
    back: result.workspaceId
      ? { href: integrationsPath(result.workspaceId), label: "Back to Integrations" }
      : { href: "/", label: "Back to the app" },
  });
}
