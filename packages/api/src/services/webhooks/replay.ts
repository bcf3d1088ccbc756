// Replays stored deliveries (operator command and tRPC) through the one mapping writer.
import type { WebhookEventStatus } from "@booking/db";
import { DomainError } from "../../errors.ts";
import { selectReplayIds } from "./inbox-table.ts";
import { type ChosenResult, type InboxDeps, mapChosenDeliveries } from "./map-inbox.ts";

export type ReplayRequest = {
  /** Only this workspace's deliveries (chosen ids of another workspace are NOT_FOUND). */
  workspaceId?: string;
  /** These deliveries; otherwise those with `status`. */
  ids?: string[];
  /** Default FAILED. */
  status?: Extract<WebhookEventStatus, "FAILED" | "RECEIVED">;
  /** Most deliveries replayed by status (default 100). */
  limit?: number;
};

export type ReplayResult = ChosenResult;

/** Deliveries mapped per transaction. */
const CHUNK = 100;

/**
 * Chosen `ids` that are FAILED or not yet mapped are mapped now; chosen ids already mapped are
 * reported as they are (their timeline entry is kept). Otherwise the deliveries with `status`,
 * oldest first. A delivery that fails again stays FAILED with the new error.
 */
export async function replayWebhookEvents(deps: InboxDeps, req: ReplayRequest): Promise<{ results: ReplayResult[] }> {
  const ids = req.ids ? [...new Set(req.ids)] : undefined;
  const found = await selectReplayIds(deps.sql, {
    workspaceId: req.workspaceId,
    ids,
    status: req.status ?? "FAILED",
    limit: ids ? ids.length : (req.limit ?? 100),
  });
  if (ids && found.length !== ids.length) {
    const missing = ids.filter((id) => !found.includes(id));
    throw new DomainError("NOT_FOUND", `Unknown webhook event(s): ${missing.slice(0, 5).join(", ")}`, {
      fieldErrors: { ids: ["Unknown webhook event id"] },
    });
  }
  const results: ReplayResult[] = [];
  for (let i = 0; i < found.length; i += CHUNK)
    results.push(...(await mapChosenDeliveries(deps, found.slice(i, i + CHUNK))));
  return { results };
}
