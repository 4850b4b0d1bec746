import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("returns a value until it expires", () => {
    const cache = new TtlCache<number>(10, 1000);
    cache.set("a", 1, 0);
    expect(cache.get("a", 999)).toBe(1);
    expect(cache.get("a", 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts the least recently used entry beyond its size", () => {
    const cache = new TtlCache<number>(2, 1000);
    cache.set("a", 1, 0);
    cache.set("b", 2, 0);
    cache.get("a", 1); // a is now more recent than b
    cache.set("c", 3, 2);
    expect(cache.get("b", 3)).toBeUndefined();
    expect(cache.get("a", 3)).toBe(1);
    expect(cache.get("c", 3)).toBe(3);
  });

  it("replaces a value set again", () => {
    const cache = new TtlCache<number>(2, 1000);
    cache.set("a", 1, 0);
    cache.set("a", 2, 0);
    expect(cache.get("a", 1)).toBe(2);
    expect(cache.size).toBe(1);
  });
});
