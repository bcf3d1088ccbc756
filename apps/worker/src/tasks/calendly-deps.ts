import type { CalendlyIntegrationDeps } from "@booking/api/services";
import { z } from "zod";
import type { WorkerDeps } from "../worker.ts";

/** What the Calendly services need, from the worker's dependencies; the worker acts as "worker". */
export function calendlyServiceDeps(deps: WorkerDeps): CalendlyIntegrationDeps {
  return {
    db: deps.db,
    secrets: deps.secrets,
    calendlyFor: deps.calendlyFor,
    oauth: deps.oauth,
    clock: deps.clock,
    publicWebhookBaseUrl: deps.settings.publicWebhookBaseUrl,
    actor: "worker",
  };
}

export const workspacePayload = z.object({ workspaceId: z.string().min(1) });

export const CALENDLY_HEALTH = "calendly-health";
export const CALENDLY_TOKEN_REFRESH = "calendly-token-refresh";
export const CALENDLY_HEALTH_SWEEP = "calendly-health-sweep";

/** One health job and one refresh job per workspace at most (graphile-worker job keys). */
export const healthJobKey = (workspaceId: string) => `${CALENDLY_HEALTH}:${workspaceId}`;
export const refreshJobKey = (workspaceId: string) => `${CALENDLY_TOKEN_REFRESH}:${workspaceId}`;

/** OAuth access tokens are renewed this long before they expire. */
export const REFRESH_AHEAD_MS = 10 * 60_000;
