// Renews one workspace's OAuth access token ahead of its expiry (SPEC section 9). A token Calendly
// refuses is a result (RECONNECT_NEEDED, recorded by the service), never retried; a passing failure
// (Calendly down) is retried by graphile-worker with back-off.
import { refreshCalendlyToken } from "@booking/api/services";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";
import { CALENDLY_TOKEN_REFRESH, calendlyServiceDeps, REFRESH_AHEAD_MS, workspacePayload } from "./calendly-deps.ts";

export function calendlyTokenRefresh(deps: WorkerDeps): Task {
  return async (payload) => {
    const { workspaceId } = workspacePayload.parse(payload);
    const result = await refreshCalendlyToken(calendlyServiceDeps(deps), workspaceId, { aheadMs: REFRESH_AHEAD_MS });
    deps.logger.info({ task: CALENDLY_TOKEN_REFRESH, workspaceId, result }, "calendly token refresh");
  };
}
