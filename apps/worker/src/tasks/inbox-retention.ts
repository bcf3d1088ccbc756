import { deleteOldInboxRows, pgSqlRunner } from "@booking/api/services/webhooks";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../worker.ts";

/** Deletes mapped inbox rows older than INBOX_RETENTION_DAYS (SPEC section 7); FAILED rows are kept. */
export function inboxRetentionTask(deps: WorkerDeps): Task {
  return async () => {
    const { deleted } = await deleteOldInboxRows(
      { sql: pgSqlRunner(deps.pool), clock: deps.clock },
      { retentionDays: deps.settings.inboxRetentionDays },
    );
    deps.logger.info({ deleted, retentionDays: deps.settings.inboxRetentionDays }, "inbox retention");
  };
}
