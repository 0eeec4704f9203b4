import "server-only";
import type { MaybeActor } from "@/lib/policy";
import { indexBoundCache } from "@/lib/search/cached-search";

/**
 * What every anonymous visitor sees alike (the home page's catalogue, a list page's facet counts),
 * computed once per process and kept until the search index changes (every write that changes
 * what the public catalogue shows is indexed, and each index write is announced: see
 * lib/search/cached-search.ts), at most SEARCH_CACHE_TTL_MS. Signed-in viewers' scopes include
 * their own organisation's drafts, which are not indexed, so their answers are never kept.
 * `key` must hold every input of `compute` other than the (anonymous) viewer.
 */
export function sharedByAnonymous<V extends object>(actor: MaybeActor, cacheName: string, key: string, compute: () => Promise<V>): Promise<V> {
  const cache = actor ? null : indexBoundCache<V>(cacheName, 500);
  return cache ? cache.getOrSearch(key, compute) : compute();
}
