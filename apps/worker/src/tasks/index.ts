// The worker's task list: every scheduled or queued job, its schedule and its retry policy, in one
// place. A task is a thin call into a service of packages/api (like a tRPC handler). The inbox
// itself is drained by the inbox drainer (../inbox), not by a job.
import type { TaskList } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";
import { CALENDLY_HEALTH, CALENDLY_HEALTH_SWEEP, CALENDLY_TOKEN_REFRESH } from "./calendly-deps.ts";
import { calendlyHealth } from "./calendly-health.ts";
import { calendlyHealthSweep } from "./calendly-health-sweep.ts";
import { calendlyTokenRefresh } from "./calendly-token-refresh.ts";
import { inboxRetentionTask } from "./inbox-retention.ts";

const INBOX_RETENTION = "inbox_retention";

/** graphile-worker crontab lines (minute granularity; sub-minute schedules reschedule themselves). */
export const CRONTAB = [
  // Adds each watched workspace's self-rescheduling health job and the token refreshes due soon
  // (the sweep also reschedules itself every interval; this line restarts that chain if it breaks).
  `* * * * * ${CALENDLY_HEALTH_SWEEP} ?max=1&jobKey=${CALENDLY_HEALTH_SWEEP}&jobKeyMode=preserve_run_at`,
  // Inbox retention, hourly at minute 17 (INBOX_RETENTION_DAYS).
  `17 * * * * ${INBOX_RETENTION}`,
].join("\n");

/** Jobs added when a worker starts (idempotent: job keys), so nothing waits for the first cron minute. */
export const STARTUP_JOBS: { identifier: string; jobKey: string }[] = [
  { identifier: CALENDLY_HEALTH_SWEEP, jobKey: CALENDLY_HEALTH_SWEEP },
];

export function taskList(deps: WorkerDeps): TaskList {
  return {
    [CALENDLY_HEALTH_SWEEP]: calendlyHealthSweep(deps),
    [CALENDLY_HEALTH]: calendlyHealth(deps),
    [CALENDLY_TOKEN_REFRESH]: calendlyTokenRefresh(deps),
    [INBOX_RETENTION]: inboxRetentionTask(deps),
  };
}
