// The anonymous page cache against the real index-change announcements (PostgreSQL LISTEN/NOTIFY).
// A small HTTP server stands in for the app's own pages: it honours only a correctly signed fill
// request, as proxy.ts does, and renders with the placeholder it was given.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetSearchCache } from "@/lib/search/cached-search";
import { announceIndexChanged } from "@/lib/search/index-changes";
import { FILL_HEADER, verifyFill } from "./fill-token";
import { serveAnonymousPage } from "./anonymous-pages";

let server: http.Server;
let renders = 0;
let setCookie = false;
const placeholders: string[] = [];
const cookiesSeen: (string | undefined)[] = [];

beforeAll(async () => {
  process.env.SEARCH_CACHE_TTL_MS = "600000";
  process.env.PAGE_CACHE_TTL_MS = "600000";
  await resetSearchCache();
  server = http.createServer(async (req, res) => {
    cookiesSeen.push(req.headers.cookie);
    const placeholder = await verifyFill(process.env.NEXTAUTH_SECRET, (req.headers[FILL_HEADER] as string | undefined) ?? null);
    if (!placeholder) return void res.writeHead(400).end();
    placeholders.push(placeholder);
    renders++;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...(setCookie ? { "set-cookie": "a=b" } : {}) });
    res.end(
      `<html><body><p>render ${renders} of ${req.url}</p><script nonce="${placeholder}">1</script><script nonce="${placeholder}">2</script></body></html>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await resetSearchCache();
  delete process.env.SEARCH_CACHE_TTL_MS;
  delete process.env.PAGE_CACHE_TTL_MS;
  delete process.env.__NEXT_PRIVATE_ORIGIN;
  await new Promise((r) => server.close(r));
});

async function get(path = "/zh-CN") {
  const res = await serveAnonymousPage(path);
  const body = await res.text();
  const csp = res.headers.get("content-security-policy") ?? "";
  return {
    res,
    body,
    from: res.headers.get("x-page-cache"),
    headerNonce: /'nonce-([^']+)'/.exec(csp)?.[1],
    nonces: [...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]),
  };
}

describe("anonymous page cache", () => {
  it("renders once as a visitor without cookies, then serves every response with its own nonce, matching its CSP header", async () => {
    // The first requests may come before the listener is connected (then nothing is kept).
    await expect.poll(async () => (await get()).from, { timeout: 10_000 }).toBe("hit");
    const before = renders;
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const r = await get();
      expect(r.res.status).toBe(200);
      expect(r.from).toBe("hit");
      expect(r.nonces).toHaveLength(2);
      expect(new Set(r.nonces)).toEqual(new Set([r.headerNonce]));
      for (const p of placeholders) expect(r.body).not.toContain(p);
      expect(r.res.headers.get("set-cookie")).toBeNull();
      seen.add(r.headerNonce!);
    }
    expect(seen.size).toBe(10);
    expect(renders).toBe(before);
    expect(cookiesSeen.every((c) => c === undefined)).toBe(true);
    // Each page and locale is its own entry.
    expect((await get("/en/needs")).body).toContain("of /en/needs");
  });

  it("concurrent misses share one render", async () => {
    const before = renders;
    const all = await Promise.all(Array.from({ length: 8 }, () => get("/zh-CN/results")));
    expect(renders - before).toBe(1);
    expect(new Set(all.map((r) => r.headerNonce)).size).toBe(8);
  });

  it("renders again after an announced index change (a public write), long before the TTL", async () => {
    const strip = (html: string) => html.replace(/nonce="[^"]+"/g, "");
    const cached = strip((await get()).body);
    expect(strip((await get()).body)).toBe(cached);
    await announceIndexChanged();
    await expect.poll(async () => strip((await get()).body), { timeout: 10_000 }).not.toBe(cached);
  });

  it("never keeps a render that sets a cookie", async () => {
    setCookie = true;
    await announceIndexChanged();
    try {
      await expect.poll(async () => (await get("/en")).from, { timeout: 10_000 }).toBe("off");
      const before = renders;
      const r = await get("/en");
      expect(r.from).toBe("off");
      expect(r.res.headers.get("set-cookie")).toBeNull();
      expect(renders).toBe(before + 1);
      expect(new Set(r.nonces)).toEqual(new Set([r.headerNonce]));
    } finally {
      setCookie = false;
    }
  });
});
