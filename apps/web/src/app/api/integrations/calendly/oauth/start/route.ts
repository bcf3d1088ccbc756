import { startCalendlyOAuth } from "@booking/api/services";
import { serverDeps } from "../../../../../../server/deps.ts";
import { integrationsPath, resultPage, signInFirst } from "../result-page.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/integrations/calendly/oauth/start?workspaceId=…: to Calendly's consent page (workspace admins). */
export async function GET(req: Request): Promise<Response> {
  const deps = serverDeps();
  const session = await deps.userSession(req);
  if (!session) return signInFirst(req);
  const workspaceId = new URL(req.url).searchParams.get("workspaceId")?.trim() ?? "";
  if (!workspaceId || workspaceId.length > 64)
    return resultPage({
      status: 400,
      title: "Calendly was not connected",
      message: "Open Connect with Calendly from a workspace's Integrations page.",
      back: { href: "/", label: "Back to the app" },
    });
  const result = await startCalendlyOAuth(deps.calendlyServices(session), {
    actor: session,
    workspaceId,
    redirectUri: deps.calendlyRedirectUri(req),
  });
  if (result.ok) return new Response(null, { status: 302, headers: { location: result.authorizationUrl } });
  return resultPage({
    status: result.status,
    title: "Calendly was not connected",
    message: result.message,
    back:
      result.reason === "not_found"
        ? { href: "/", label: "Back to the app" }
        : { href: integrationsPath(workspaceId), label: "Back to Integrations" },
  });
}
