import { describe, expect, it } from "vitest";
import { anonymousPageKey, isCachedPagePath } from "./eligibility";

const req = (pathname: string, headers: Record<string, string> = {}, { method = "GET", search = "" } = {}) => ({
  method,
  pathname,
  search,
  headers: new Headers(headers),
});

describe("which requests the anonymous page cache answers", () => {
  it("answers anonymous document GETs of the home page and the first catalogue pages, per locale", () => {
    for (const p of ["/zh-CN", "/en", "/zh-CN/needs", "/en/results"]) expect(anonymousPageKey(req(p))).toBe(p);
    // Cookies other than the session (the locale cookie, next-auth's CSRF cookie) do not matter.
    expect(anonymousPageKey(req("/zh-CN", { cookie: "NEXT_LOCALE=zh-CN; next-auth.csrf-token=abc" }))).toBe("/zh-CN");
  });

  it("never answers a request with a session cookie, whole, __Secure- or split", () => {
    for (const cookie of [
      "next-auth.session-token=x",
      "a=b; next-auth.session-token=x",
      "__Secure-next-auth.session-token=x",
      "next-auth.session-token.0=x; next-auth.session-token.1=y",
    ])
      expect(anonymousPageKey(req("/zh-CN", { cookie }))).toBeNull();
  });

  it("never answers RSC payloads, prefetches, server actions, other methods, query strings or other pages", () => {
    for (const h of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"])
      expect(anonymousPageKey(req("/zh-CN", { [h]: "1" }))).toBeNull();
    expect(anonymousPageKey(req("/zh-CN", { purpose: "prefetch" }))).toBeNull();
    expect(anonymousPageKey(req("/zh-CN", { "sec-purpose": "prefetch;prerender" }))).toBeNull();
    expect(anonymousPageKey(req("/zh-CN", {}, { method: "POST" }))).toBeNull();
    expect(anonymousPageKey(req("/zh-CN", {}, { method: "HEAD" }))).toBeNull();
    expect(anonymousPageKey(req("/zh-CN/needs", {}, { search: "?page=2" }))).toBeNull();
    expect(anonymousPageKey(req("/zh-CN", {}, { search: "?_rsc=abc" }))).toBeNull();
    for (const p of ["/zh-CN/search", "/zh-CN/needs/abc", "/zh-CN/dashboard", "/fr", "/", "/zh-CN/"]) expect(anonymousPageKey(req(p))).toBeNull();
    expect(isCachedPagePath("/zh-CN/account")).toBe(false);
  });
});
