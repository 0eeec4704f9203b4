import { LRUCache } from "lru-cache";

/**
 * A short-lived cache of Meilisearch search responses, keyed by the exact request (index uid and
 * every search parameter, so the viewer's index and filters are part of the key and one audience
 * can never be served another's hits).
 *
 * Why: a search costs ~5-9 ms of Meilisearch CPU, and catalogue searches repeat a lot (the same
 * few hundred queries); this removes that cost for repeats. Freshness: the worker announces
 * every index change (lib/search/index-changes.ts) and each web process drops its cache on the
 * announcement, so a cached answer is never older than the last index change its process heard
 * of; `ttlMs` bounds it when an announcement is missed. While the process is not listening (not
 * connected yet, connection lost), nothing is read from or written to the cache.
 *
 * A search that started before an invalidation is not stored: it may hold the old index's answer.
 */
export class SearchResponseCache<V extends object> {
  private readonly lru: LRUCache<string, V>;
  private generation = 0;
  private live = false;

  constructor(opts: { maxEntries: number; ttlMs: number }) {
    this.lru = new LRUCache<string, V>({ max: opts.maxEntries, ttl: opts.ttlMs, ttlAutopurge: false });
  }

  /** Whether answers may be served from and stored in the cache. */
  get enabled(): boolean {
    return this.live;
  }

  /** The listener is connected (true) or lost (false): losing it empties the cache. */
  setLive(live: boolean): void {
    if (!live) this.lru.clear();
    if (live && !this.live) this.invalidate();
    this.live = live;
  }

  /** The index changed: forget every answer, and refuse answers to searches already running. */
  invalidate(): void {
    this.generation++;
    this.lru.clear();
  }

  /** Answers `key` from the cache, or runs `search` and remembers its answer. Errors are not cached. */
  async getOrSearch(key: string, search: () => Promise<V>): Promise<V> {
    if (!this.live) return search();
    const hit = this.lru.get(key);
    if (hit) return hit;
    const startedIn = this.generation;
    const value = await search();
    if (this.live && this.generation === startedIn) this.lru.set(key, value);
    return value;
  }

  /** Bumped by every invalidation: work started under an older generation is stale. */
  get currentGeneration(): number {
    return this.generation;
  }

  get size(): number {
    return this.lru.size;
  }
}
