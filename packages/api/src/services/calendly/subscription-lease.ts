// Mutual exclusion for changes to a workspace's Calendly subscription (ensure, remove, token
// removal). Those changes talk to Calendly between database writes, so holding a transaction
// open is not an option; instead a lease column is claimed with one conditional UPDATE. A caller
// that finds the lease taken waits for it (a double-click ends with both calls seeing the same
// subscription), and a lease left by a crashed process expires on its own.
import { setTimeout as sleep } from "node:timers/promises";
import { DomainError } from "../../errors.ts";
import type { CalendlyIntegrationDeps } from "./deps.ts";

const LEASE_MS = 60_000;
const WAIT_MS = 20_000;
const POLL_MS = 150;

export async function withSubscriptionLease<T>(
  deps: Pick<CalendlyIntegrationDeps, "db">,
  workspaceId: string,
  fn: () => Promise<T>,
): Promise<T> {
  const giveUpAt = Date.now() + WAIT_MS;
  let until: Date;
  for (;;) {
    const now = new Date();
    until = new Date(now.getTime() + LEASE_MS);
    const { count } = await deps.db.client.updateMany({
      where: {
        id: workspaceId,
        OR: [{ calendlySubscriptionLeaseUntil: null }, { calendlySubscriptionLeaseUntil: { lt: now } }],
      },
      data: { calendlySubscriptionLeaseUntil: until },
    });
    if (count === 1) break;
    const exists = await deps.db.client.count({ where: { id: workspaceId } });
    if (exists === 0) throw new DomainError("NOT_FOUND", "Workspace not found");
    if (Date.now() > giveUpAt) {
      throw new DomainError(
        "CONFLICT",
        "Another change to this workspace's Calendly subscription is still running; try again in a minute",
      );
    }
    await sleep(POLL_MS);
  }
  try {
    return await fn();
  } finally {
    await deps.db.client.updateMany({
      where: { id: workspaceId, calendlySubscriptionLeaseUntil: until },
      data: { calendlySubscriptionLeaseUntil: null },
    });
  }
}
