// Caches of the HTTP read path (packages/api/src/http/fetch-handler.ts makes one set per server):
// every tRPC call authorizes its caller against the workspace (a membership read), and every call
// on a lead first finds the lead's workspace. Only successes are kept, for a few seconds: a
// membership removed or narrowed takes effect within ACCESS_TTL_MS. Callers without caches (tests,
// in-process callers) read the database every time.
import type { Db } from "@booking/db";
import { type Actor, authorizeWorkspace, type WorkspaceAccess } from "../services/access/index.ts";
import { createTtlCache, type TtlCache } from "./ttl-cache.ts";

export type ReadCaches = {
  access: TtlCache<WorkspaceAccess>;
  /** Lead id → workspace id (a lead never moves between workspaces). */
  leadWorkspace: TtlCache<string>;
};

const ACCESS_TTL_MS = 5_000;

export function createReadCaches(): ReadCaches {
  return {
    access: createTtlCache({ ttlMs: ACCESS_TTL_MS, max: 10_000 }),
    leadWorkspace: createTtlCache({ ttlMs: 10 * 60_000, max: 50_000 }),
  };
}

/** authorizeWorkspace, answered from `caches` when the same actor reached the workspace moments ago. */
export async function authorizeWorkspaceCached(
  deps: { db: Db; caches?: ReadCaches | undefined },
  actor: Actor,
  workspaceId: string,
  need: "member" | "admin",
): Promise<WorkspaceAccess> {
  const cache = deps.caches?.access;
  if (!cache) return authorizeWorkspace(deps.db, actor, workspaceId, need);
  const key = `${actor.kind === "platform" ? "platform" : `user:${actor.email.toLowerCase()}`}\u0000${workspaceId}`;
  const hit = cache.get(key);
  if (hit && (need === "member" || hit.canEdit)) return hit;
  // A miss, or an admin check the cached roles refuse: the service decides (and words the refusal).
  const access = await authorizeWorkspace(deps.db, actor, workspaceId, need);
  cache.set(key, access);
  return access;
}
