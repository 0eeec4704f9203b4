import "server-only";
import { env } from "@/lib/env";
import { buildCsp, newNonce } from "@/lib/security/csp";
import { indexBoundCache } from "@/lib/search/cached-search";
import { FILL_HEADER, signFill } from "./fill-token";
import { splitRendered, stamp, type RenderedPage } from "./stamp";

/**
 * The anonymous home page and first catalogue pages, rendered once and served to every anonymous
 * visitor with a fresh CSP nonce (issue 18: React rendering was the whole cost of these pages).
 *
 * proxy.ts rewrites an anonymous document GET of a cached page (lib/page-cache/eligibility.ts) to
 * app/api/page-cache/route.ts, which answers from here. On a miss the page is fetched from this
 * same server as an anonymous visitor with no cookies, asking (signed, lib/page-cache/fill-token.ts)
 * for a random placeholder as its nonce; the placeholder is replaced by each response's own nonce,
 * which the response's CSP header names. The page is what every anonymous visitor sees (public
 * data only: the render has no session); a render with Set-Cookie, another status, or without the
 * placeholder is served once and not kept.
 *
 * Freshness: the cache is bound to the search index's change announcements like the anonymous
 * catalogue data it shows (lib/catalog/shared-by-anonymous.ts): dropped on every announced index
 * change, not used while the listener is down, and kept at most PAGE_CACHE_TTL_MS (10 s).
 */
const CACHE_NAME = "anonymous-pages";

function ttlMs(): number {
  const n = Number(process.env.PAGE_CACHE_TTL_MS ?? 10_000);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function cache() {
  const ttl = ttlMs();
  return ttl > 0 ? indexBoundCache<RenderedPage>(CACHE_NAME, 16, ttl) : null;
}

class NotKept extends Error {
  constructor(readonly page: RenderedPage) {
    super("page not kept");
  }
}

function origin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

async function render(path: string): Promise<RenderedPage> {
  const placeholder = newNonce();
  const res = await fetch(`${origin()}${path}`, {
    headers: { [FILL_HEADER]: await signFill(env.NEXTAUTH_SECRET, placeholder), accept: "text/html" },
    redirect: "manual",
    cache: "no-store",
  });
  return splitRendered(placeholder, res.status, res.headers, await res.text());
}

// Concurrent misses share one render; a render started before an index change is not shared
// with requests that arrive after it (nor kept: the cache refuses it).
const inflight = new Map<string, { generation: number; page: Promise<RenderedPage> }>();

function renderOnce(path: string, generation: number): Promise<RenderedPage> {
  const running = inflight.get(path);
  if (running && running.generation === generation) return running.page;
  const page = render(path).finally(() => {
    if (inflight.get(path)?.page === page) inflight.delete(path);
  });
  inflight.set(path, { generation, page });
  return page;
}

/** The cached page at `path` (a path lib/page-cache/eligibility.ts lists), stamped for this response. */
export async function serveAnonymousPage(path: string): Promise<Response> {
  const c = cache();
  let page: RenderedPage;
  let from: "hit" | "miss" | "off" = c ? "hit" : "off";
  try {
    page = c
      ? await c.getOrSearch(path, async () => {
          from = "miss";
          const p = await renderOnce(path, c.currentGeneration);
          if (!p.cacheable) throw new NotKept(p);
          return p;
        })
      : await render(path);
  } catch (e) {
    if (!(e instanceof NotKept)) throw e;
    page = e.page;
    from = "off";
  }
  const nonce = newNonce();
  const { body, headers } = stamp(page, nonce);
  const h = new Headers(headers);
  h.set("content-security-policy", buildCsp(nonce));
  h.set("x-page-cache", from);
  // Buffer.concat's result is backed by a plain ArrayBuffer (never SharedArrayBuffer).
  return new Response(body as Uint8Array<ArrayBuffer>, { status: page.status, headers: h });
}
