import { type SecretBox, secretContext } from "@booking/db";
import type { SqlQuery } from "../../lib/sql.ts";
import { selectSigningKey } from "./client-table.ts";
import { now } from "./deps.ts";

export type SigningKeyLookup =
  | { kind: "ok"; signingKey: string }
  | { kind: "unknown_workspace" }
  | { kind: "no_signing_key" };

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

type KeyDeps = { sql: SqlQuery; secrets: SecretBox; clock?: () => Date };

/**
 * The only database read before a delivery's signature is checked: the workspace's signing key.
 * Throws DecryptionError when the stored key cannot be decrypted (a server misconfiguration, not
 * the sender's fault).
 */
async function loadSigningKey(deps: KeyDeps, workspaceId: string): Promise<SigningKeyLookup> {
  if (!WORKSPACE_ID.test(workspaceId)) return { kind: "unknown_workspace" };
  const enc = await selectSigningKey(deps.sql, workspaceId);
  if (enc === undefined) return { kind: "unknown_workspace" };
  if (enc === null) return { kind: "no_signing_key" };
  return { kind: "ok", signingKey: deps.secrets.decrypt(enc, secretContext.calendlySigningKey(workspaceId)) };
}

export type SigningKeyCache = {
  /** The workspace's key: from the cache while younger than the TTL, else read (and cached if found). */
  get(workspaceId: string): Promise<SigningKeyLookup & { cached: boolean }>;
  /** Reads the key again now (after a signature mismatch with a cached key: it may have been rotated). */
  refresh(workspaceId: string): Promise<SigningKeyLookup>;
};

/**
 * Per-process cache of decrypted signing keys for a short TTL (default 5 s), so a delivery does
 * not pay a database round trip for its key. A rotated key applies at once: a signature that does
 * not match a cached key is checked again against a fresh read before being rejected (the caller
 * does this with `refresh`). Only found keys are cached; "unknown workspace" and "no key" are read
 * every time, so a newly configured workspace works at once. Concurrent misses share one read.
 * The previous key of a workspace keeps verifying for at most the TTL after a rotation.
 */
export function createSigningKeyCache(
  deps: KeyDeps,
  opts: { ttlMs?: number; maxEntries?: number } = {},
): SigningKeyCache {
  const ttl = opts.ttlMs ?? 5_000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const entries = new Map<string, { key: SigningKeyLookup; at: number }>();
  const reading = new Map<string, Promise<SigningKeyLookup>>();

  function read(workspaceId: string): Promise<SigningKeyLookup> {
    const pending = reading.get(workspaceId);
    if (pending) return pending;
    const p = loadSigningKey(deps, workspaceId)
      .then((key) => {
        if (key.kind === "ok") {
          if (entries.size >= maxEntries) entries.clear();
          entries.set(workspaceId, { key, at: now(deps).getTime() });
        } else entries.delete(workspaceId);
        return key;
      })
      .finally(() => reading.delete(workspaceId));
    reading.set(workspaceId, p);
    return p;
  }

  return {
    async get(workspaceId) {
      const e = entries.get(workspaceId);
      if (e && now(deps).getTime() - e.at < ttl) return { ...e.key, cached: true };
      return { ...(await read(workspaceId)), cached: false };
    },
    refresh(workspaceId) {
      entries.delete(workspaceId);
      return read(workspaceId);
    },
  };
}
