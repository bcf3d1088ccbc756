import { serverDeps } from "../../../../server/deps.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/admin/workspaces (bearer ADMIN_API_TOKEN): see createAdminWorkspacesHandler in @booking/api. */
export function POST(req: Request): Promise<Response> {
  return serverDeps().adminWorkspaces(req);
}
