// Which requests may be answered from the anonymous page cache (lib/page-cache/anonymous-pages.ts).
// Pure (no server-only): proxy.ts and tests import it.
//
// Only a plain document GET by a visitor without a session: no session cookie (an expired or
// forged one is not anonymous enough to guess about: it goes to the page), no query string, and
// none of the headers Next's client router sends for RSC payloads, prefetches, server actions or
// its state tree (those answers are not the HTML document). Only the pages listed here, per locale.
import { locales } from "@/i18n/routing";

/** The request header with which proxy.ts names the cached page to app/api/page-cache. */
export const PAGE_HEADER = "x-techbridge-cached-page";

/** The cached pages, without the locale prefix: the home page and the first page of the public catalogue. */
export const CACHED_PAGES = ["", "/needs", "/results"] as const;

const PATHS: ReadonlySet<string> = new Set(locales.flatMap((l) => CACHED_PAGES.map((p) => `/${l}${p}`)));

const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];

/** next-auth's session cookie, with or without `__Secure-`, whole or split into `.0`, `.1`, ... */
const SESSION_COOKIE = /(^|;)\s*(__Secure-|__Host-)?next-auth\.session-token(\.\d+)?=/;

export type PageRequest = { method: string; pathname: string; search: string; headers: { get(name: string): string | null } };

/** The cache key (the path) when this request may be answered from the cache, else null. */
export function anonymousPageKey(req: PageRequest): string | null {
  if (req.method !== "GET" || req.search !== "" || !PATHS.has(req.pathname)) return null;
  if (ROUTER_HEADERS.some((h) => req.headers.get(h) !== null)) return null;
  const purpose = req.headers.get("purpose") ?? req.headers.get("sec-purpose");
  if (purpose?.includes("prefetch")) return null;
  const cookie = req.headers.get("cookie");
  if (cookie && SESSION_COOKIE.test(cookie)) return null;
  return req.pathname;
}

/** Whether a path is one of the cached pages (the cache route refuses any other). */
export function isCachedPagePath(pathname: string): boolean {
  return PATHS.has(pathname);
}
