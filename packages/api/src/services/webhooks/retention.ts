// Inbox retention (SPEC section 7): mapped deliveries older than the retention period are deleted
// in batches; FAILED ones are kept until replayed.

import type { SqlRunner } from "../../lib/sql.ts";
import { now } from "./deps.ts";
import { deleteMappedBefore } from "./inbox-table.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes PROCESSED and IGNORED rows received more than `retentionDays` ago, `batchSize` per statement. */
export async function deleteOldInboxRows(
  deps: { sql: SqlRunner; clock?: () => Date },
  opts: { retentionDays: number; batchSize?: number },
): Promise<{ deleted: number }> {
  const before = new Date(now(deps).getTime() - opts.retentionDays * DAY_MS);
  const limit = opts.batchSize ?? 1000;
  let deleted = 0;
  for (;;) {
    const n = await deleteMappedBefore(deps.sql, { before, limit });
    deleted += n;
    if (n < limit) return { deleted };
  }
}
