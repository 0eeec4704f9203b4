import { describe, expect, it } from "vitest";
import { SearchResponseCache } from "./response-cache";

const answer = (n: number) => ({ n });

function counting() {
  let calls = 0;
  return { run: (n: number) => async () => (calls++, answer(n)), calls: () => calls };
}

describe("SearchResponseCache", () => {
  it("answers a repeated request from the cache once it is listening", async () => {
    const cache = new SearchResponseCache<{ n: number }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.setLive(true);
    const s = counting();
    expect(await cache.getOrSearch("k", s.run(1))).toEqual({ n: 1 });
    expect(await cache.getOrSearch("k", s.run(2))).toEqual({ n: 1 });
    expect(s.calls()).toBe(1);
    expect(await cache.getOrSearch("other", s.run(3))).toEqual({ n: 3 });
  });

  it("neither reads nor stores while it is not listening (announcements could be missed)", async () => {
    const cache = new SearchResponseCache<{ n: number }>({ maxEntries: 10, ttlMs: 60_000 });
    const s = counting();
    await cache.getOrSearch("k", s.run(1));
    await cache.getOrSearch("k", s.run(2));
    expect(s.calls()).toBe(2);
    expect(cache.size).toBe(0);
    cache.setLive(true);
    await cache.getOrSearch("k", s.run(3));
    cache.setLive(false);
    expect(cache.size).toBe(0);
    expect(await cache.getOrSearch("k", s.run(4))).toEqual({ n: 4 });
  });

  it("an index change drops every answer", async () => {
    const cache = new SearchResponseCache<{ n: number }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.setLive(true);
    await cache.getOrSearch("k", async () => answer(1));
    cache.invalidate();
    expect(await cache.getOrSearch("k", async () => answer(2))).toEqual({ n: 2 });
  });

  it("does not store the answer of a search that was running when the index changed", async () => {
    const cache = new SearchResponseCache<{ n: number }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.setLive(true);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cache.getOrSearch("k", async () => (await gate, answer(1)));
    cache.invalidate();
    release();
    expect(await slow).toEqual({ n: 1 });
    expect(cache.size).toBe(0);
    expect(await cache.getOrSearch("k", async () => answer(2))).toEqual({ n: 2 });
  });

  it("does not cache failures", async () => {
    const cache = new SearchResponseCache<{ n: number }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.setLive(true);
    await expect(cache.getOrSearch("k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.getOrSearch("k", async () => answer(2))).toEqual({ n: 2 });
  });

  it("forgets answers after the TTL and keeps at most maxEntries", async () => {
    const cache = new SearchResponseCache<{ n: number }>({ maxEntries: 2, ttlMs: 20 });
    cache.setLive(true);
    for (const k of ["a", "b", "c"]) await cache.getOrSearch(k, async () => answer(1));
    expect(cache.size).toBe(2);
    const start = Date.now();
    await expect.poll(async () => cache.getOrSearch("a", async () => answer(Date.now() - start > 20 ? 9 : 1)), { interval: 5 }).toEqual({ n: 9 });
  });
});
