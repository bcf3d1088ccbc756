// The worker's task list: every scheduled or queued job, its schedule and its retry policy, in one
// place. A task is a thin call into a service of packages/api (like a tRPC handler).
import type { TaskList } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";

/** graphile-worker crontab lines (minute granularity; sub-minute schedules reschedule themselves). */
export const CRONTAB = [].join("\n");

export function taskList(_deps: WorkerDeps): TaskList {
  return {};
}
