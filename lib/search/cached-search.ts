import "server-only";
import type { FederatedMultiSearchParams, MultiSearchParams, SearchResponse } from "meilisearch";
import { getMeili } from "./client";
import { listenForIndexChanges } from "./index-changes";
import { SearchResponseCache } from "./response-cache";

type Answer = SearchResponse<Record<string, unknown>>;

const MAX_ENTRIES = 2_000;

/** SEARCH_CACHE_TTL_MS: 0 turns the cache off; default 30 s in production, off otherwise. */
export function searchCacheTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_CACHE_TTL_MS;
  if (raw === undefined || raw === "") return env.NODE_ENV === "production" ? 30_000 : 0;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

// One listener per process for every cache bound to the index (search answers, catalogue facet
// counts, the home page's catalogue): each is dropped on every announced index change.
type CacheState = { caches: Map<string, SearchResponseCache<object>>; live: boolean; stop: () => Promise<void> } | null;
// One per process (Next may load this module more than once).
const state = globalThis as unknown as { techbridgeSearchCache?: CacheState };

function caches(): CacheState {
  if (state.techbridgeSearchCache === undefined) {
    if (searchCacheTtlMs() <= 0) {
      state.techbridgeSearchCache = null;
    } else {
      const held: NonNullable<CacheState> = { caches: new Map(), live: false, stop: async () => {} };
      const { stop } = listenForIndexChanges({
        onChange: () => held.caches.forEach((c) => c.invalidate()),
        onLive: (live) => {
          held.live = live;
          held.caches.forEach((c) => c.setLive(live));
        },
      });
      held.stop = stop;
      state.techbridgeSearchCache = held;
    }
  }
  return state.techbridgeSearchCache ?? null;
}

/**
 * A per-process cache of answers derived from what the search index holds, dropped on every
 * index change this process hears of (and not used while it cannot hear them), with the search
 * cache's TTL as the bound for a lost announcement. Null when caching is off
 * (SEARCH_CACHE_TTL_MS=0, and outside production by default). `maxTtlMs` shortens the TTL for
 * one cache. The key must hold everything the
 * answer depends on, the viewer's scope included.
 */
export function indexBoundCache<V extends object>(name: string, maxEntries = MAX_ENTRIES, maxTtlMs = Infinity): SearchResponseCache<V> | null {
  const held = caches();
  if (!held) return null;
  let c = held.caches.get(name);
  if (!c) {
    c = new SearchResponseCache<object>({ maxEntries, ttlMs: Math.min(searchCacheTtlMs(), maxTtlMs) });
    c.setLive(held.live);
    held.caches.set(name, c);
  }
  return c as unknown as SearchResponseCache<V>;
}

function cache(): SearchResponseCache<Answer> | null {
  return indexBoundCache<Answer>("search");
}

/** Whether answers are being cached now, and how many are held (health, tests). */
export function searchCacheStatus(): { enabled: boolean; entries: number } {
  const c = state.techbridgeSearchCache?.caches.get("search");
  return { enabled: c?.enabled ?? false, entries: c?.size ?? 0 };
}

/** Stops the listener and forgets the caches; the next search reads SEARCH_CACHE_TTL_MS again. */
export async function resetSearchCache(): Promise<void> {
  await state.techbridgeSearchCache?.stop();
  delete state.techbridgeSearchCache;
}

/**
 * Several queries answered as one ranked list (Meilisearch federated multi-search: one request,
 * hits merged by ranking score, a document found by several queries listed once), through the
 * same per-process cache as single searches.
 */
export function searchFederated(params: FederatedMultiSearchParams): Promise<Answer> {
  const run = () => getMeili().multiSearch<FederatedMultiSearchParams, Record<string, unknown>>(params) as Promise<Answer>;
  const c = cache();
  return c ? c.getOrSearch(`federated\u0000${JSON.stringify(params)}`, run) : run();
}

/**
 * One query sent as a (non-federated) multi-search, through the same per-process cache. Without
 * federation Meilisearch neither computes every hit's detailed ranking score nor merges lists:
 * a catalogue search with one text costs about half as much engine CPU as the same query federated
 * (docs/SCALE.md, issue 18), with the same hits in the same order.
 */
export function searchSingle(params: MultiSearchParams): Promise<Answer> {
  const run = async () => (await getMeili().multiSearch<MultiSearchParams, Record<string, unknown>>(params)).results[0] as unknown as Answer;
  const c = cache();
  return c ? c.getOrSearch(`single\u0000${JSON.stringify(params)}`, run) : run();
}
