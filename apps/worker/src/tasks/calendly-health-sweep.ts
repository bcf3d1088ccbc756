// At start, then every health interval (at most a minute; it reschedules itself, and the crontab
// adds it every minute should that chain break): makes sure every watched workspace has its
// self-rescheduling health job, so a workspace enabled a moment ago is checked within an interval,
// and schedules the renewal of OAuth tokens that expire soon. Jobs that exist (queued, or running
// with a fresh lock) are left alone, so the sweep never doubles a check.
import { calendlyTokensExpiringBefore, calendlyWorkspacesToCheck } from "@booking/api/services";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";
import {
  CALENDLY_HEALTH,
  CALENDLY_HEALTH_SWEEP,
  CALENDLY_TOKEN_REFRESH,
  healthJobKey,
  REFRESH_AHEAD_MS,
  refreshJobKey,
} from "./calendly-deps.ts";

const SWEEP_PERIOD_MS = 60_000;

export function calendlyHealthSweep(deps: WorkerDeps): Task {
  return async (_payload, helpers) => {
    const workspaces = await calendlyWorkspacesToCheck(deps.db);
    const keys = workspaces.map(healthJobKey);
    // A lock older than two intervals (plus slack) belongs to a worker that died: replace its job.
    const staleSeconds = deps.settings.healthIntervalSeconds * 2 + 300;
    const alive = await helpers.withPgClient(async (client) => {
      const { rows } = await client.query<{ key: string }>(
        `select key from graphile_worker.jobs
         where key = any($1::text[])
           and ((locked_at is not null and locked_at > now() - make_interval(secs => $2))
             or (locked_at is null and attempts < max_attempts))`,
        [keys, staleSeconds],
      );
      return new Set(rows.map((r) => r.key));
    });
    const missing = workspaces.filter((id) => !alive.has(healthJobKey(id)));
    if (missing.length > 0)
      await helpers.addJobs(
        missing.map((workspaceId) => ({
          identifier: CALENDLY_HEALTH,
          payload: { workspaceId },
          jobKey: healthJobKey(workspaceId),
          maxAttempts: 1,
        })),
        true,
      );

    const now = deps.clock().getTime();
    const expiring = await calendlyTokensExpiringBefore(
      deps.db,
      new Date(now + REFRESH_AHEAD_MS + 2 * SWEEP_PERIOD_MS),
    );
    if (expiring.length > 0)
      await helpers.addJobs(
        expiring.map(({ workspaceId, expiresAt }) => ({
          identifier: CALENDLY_TOKEN_REFRESH,
          payload: { workspaceId },
          jobKey: refreshJobKey(workspaceId),
          runAt: new Date(Math.max(now, (expiresAt?.getTime() ?? now) - REFRESH_AHEAD_MS)),
          maxAttempts: 5,
        })),
        true,
      );
    deps.logger.debug(
      { task: CALENDLY_HEALTH_SWEEP, watched: workspaces.length, added: missing.length, refreshes: expiring.length },
      "calendly sweep",
    );
    await helpers.addJob(
      CALENDLY_HEALTH_SWEEP,
      {},
      {
        jobKey: CALENDLY_HEALTH_SWEEP,
        jobKeyMode: "replace",
        runAt: new Date(Date.now() + Math.min(SWEEP_PERIOD_MS, deps.settings.healthIntervalSeconds * 1000)),
        maxAttempts: 1,
      },
    );
  };
}
