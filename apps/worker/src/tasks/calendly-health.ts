// One workspace's subscription health check (SPEC section 7). It reschedules itself every
// CALENDLY_HEALTH_INTERVAL_SECONDS (run_at + job key: sub-minute intervals work) while the
// workspace is watched; the sweep re-adds it when it is missing.
import { runCalendlyHealthCheck } from "@booking/api/services";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";
import { CALENDLY_HEALTH, calendlyServiceDeps, healthJobKey, workspacePayload } from "./calendly-deps.ts";

export function calendlyHealth(deps: WorkerDeps): Task {
  return async (payload, helpers) => {
    const { workspaceId } = workspacePayload.parse(payload);
    const started = performance.now();
    let reschedule = true;
    try {
      const result = await runCalendlyHealthCheck(calendlyServiceDeps(deps), workspaceId);
      reschedule = result.status !== "skipped" && result.status !== "reconnect_needed";
      const ms = Math.round(performance.now() - started);
      const fields = { task: CALENDLY_HEALTH, workspaceId, status: result.status, ms };
      if (result.status === "healthy" && !result.reconciled) deps.logger.debug(fields, "calendly subscription healthy");
      else if (result.status === "failed")
        deps.logger.warn({ ...fields, error: result.error }, "calendly health check failed");
      else
        deps.logger.info(
          {
            ...fields,
            ...("reconciled" in result && result.reconciled ? { recovered: result.reconciled.recovered } : {}),
          },
          "calendly health check",
        );
    } catch (error) {
      // Not Calendly's doing (the database, a bug): logged, and checked again at the next interval.
      deps.logger.error(
        { task: CALENDLY_HEALTH, workspaceId, err: { message: (error as Error).message } },
        "calendly health check crashed",
      );
    }
    if (reschedule) {
      await helpers.addJob(
        CALENDLY_HEALTH,
        { workspaceId },
        {
          jobKey: healthJobKey(workspaceId),
          jobKeyMode: "replace",
          runAt: new Date(Date.now() + deps.settings.healthIntervalSeconds * 1000),
          maxAttempts: 1,
        },
      );
    }
  };
}
