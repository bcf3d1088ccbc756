// A small in-process cache with a time to live per entry and a size bound (oldest entries go first).
// For the HTTP read path: the same session cookie and the same membership are read on every request.

export type TtlCache<V> = {
  get(key: string): V | undefined;
  /** Keeps `value` for `ttlMs` (default: the cache's), never longer than the cache's own TTL. */
  set(key: string, value: V, ttlMs?: number): void;
  delete(key: string): void;
  clear(): void;
};

export function createTtlCache<V>(opts: { ttlMs: number; max: number; now?: () => number }): TtlCache<V> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    set(key, value, ttlMs = opts.ttlMs) {
      const ttl = Math.min(ttlMs, opts.ttlMs);
      if (ttl <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttl });
      if (entries.size > opts.max) entries.delete(entries.keys().next().value as string);
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
