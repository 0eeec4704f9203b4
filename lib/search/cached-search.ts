import "server-only";
import type { FederatedMultiSearchParams, SearchResponse } from "meilisearch";
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

type CacheState = { cache: SearchResponseCache<Answer>; stop: () => Promise<void> } | null;
// One per process (Next may load this module more than once).
const state = globalThis as unknown as { techbridgeSearchCache?: CacheState };

function cache(): SearchResponseCache<Answer> | null {
  if (state.techbridgeSearchCache === undefined) {
    const ttlMs = searchCacheTtlMs();
    if (ttlMs <= 0) {
      state.techbridgeSearchCache = null;
    } else {
      const created = new SearchResponseCache<Answer>({ maxEntries: MAX_ENTRIES, ttlMs });
      const { stop } = listenForIndexChanges({ onChange: () => created.invalidate(), onLive: (live) => created.setLive(live) });
      state.techbridgeSearchCache = { cache: created, stop };
    }
  }
  return state.techbridgeSearchCache?.cache ?? null;
}

/** Whether answers are being cached now, and how many are held (health, tests). */
export function searchCacheStatus(): { enabled: boolean; entries: number } {
  const c = state.techbridgeSearchCache?.cache;
  return { enabled: c?.enabled ?? false, entries: c?.size ?? 0 };
}

/** Stops the listener and forgets the cache; the next search reads SEARCH_CACHE_TTL_MS again. */
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
