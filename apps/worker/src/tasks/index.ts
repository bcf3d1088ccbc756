// The worker's task list: every scheduled or queued job, its schedule and its retry policy, in one
// place. A task is a thin call into a service of packages/api (like a tRPC handler). The inbox
// itself is drained by the inbox drainer (../inbox), not by a job.
import type { TaskList } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";
import { inboxRetentionTask } from "./inbox-retention.ts";

/** graphile-worker crontab lines (minute granularity; sub-minute schedules reschedule themselves). */
export const CRONTAB = [
  // Inbox retention, hourly at minute 17 (INBOX_RETENTION_DAYS).
  "17 * * * * inbox_retention",
].join("\n");

export function taskList(deps: WorkerDeps): TaskList {
  return {
    inbox_retention: inboxRetentionTask(deps),
  };
}
