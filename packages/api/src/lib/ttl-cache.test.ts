import { createTtlCache } from "./ttl-cache.ts";

describe("createTtlCache", () => {
  it("keeps values for their time to live, bounded by the cache's, and drops the oldest beyond max", () => {
    let t = 0;
    const cache = createTtlCache<string>({ ttlMs: 1000, max: 2, now: () => t });
    cache.set("a", "A");
    cache.set("b", "B", 5000); // capped at 1000
    expect(cache.get("a")).toBe("A");
    t = 999;
    expect(cache.get("b")).toBe("B");
    t = 1000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
    cache.set("c", "C");
    cache.set("d", "D");
    cache.set("e", "E");
    expect([cache.get("c"), cache.get("d"), cache.get("e")]).toEqual([undefined, "D", "E"]);
    cache.set("f", "F", 0);
    expect(cache.get("f")).toBeUndefined();
    cache.delete("d");
    expect(cache.get("d")).toBeUndefined();
  });
});
