import { describe, expect, it } from "vitest";
import { searchCacheTtlMs } from "./cached-search";

describe("searchCacheTtlMs", () => {
  it("defaults to 30 s in production and off elsewhere; 0 turns it off", () => {
    expect(searchCacheTtlMs({ NODE_ENV: "production" })).toBe(30_000);
    expect(searchCacheTtlMs({ NODE_ENV: "test" })).toBe(0);
    expect(searchCacheTtlMs({ NODE_ENV: "production", SEARCH_CACHE_TTL_MS: "0" })).toBe(0);
    expect(searchCacheTtlMs({ NODE_ENV: "test", SEARCH_CACHE_TTL_MS: "5000" })).toBe(5000);
  });
});
