import "server-only";
import { LRUCache } from "lru-cache";
import type { MatchConfig } from "./config";
import { coocSample, disambiguate, type CoocSample } from "./cooccurrence";
import { STATS_TTL_MS, type StatsScope } from "./corpus-stats";
import type { QueryTerm } from "./rank";

// The co-occurrence sample of a scope (which of up to `cooc.sample` documents hold each analysed
// word), read once and cached like the other corpus statistics: translation disambiguation
// (cooccurrence.ts) asks it about every pair of renderings of a need, far too many for searches.

// Bounded by postings (one unit each: 1,400 Cranfield abstracts are ~90 k units, a few MB).
const cache = new LRUCache<string, CoocSample>({
  max: 50,
  maxSize: 2_000_000,
  sizeCalculation: (s) =>
    Math.max(
      1,
      [...s.postings.values()].reduce((a, l) => a + l.length, 0),
    ),
  ttl: STATS_TTL_MS,
});

export async function readCoocSample(scope: StatsScope, cfg: MatchConfig): Promise<CoocSample> {
  const cached = cache.get(scope.key);
  if (cached) return cached;
  const r = await scope.client.multiSearch({
    queries: [{ indexUid: scope.uid, q: "", limit: cfg.cooc.sample, filter: scope.filter, attributesToRetrieve: ["titleTerms", "terms"] }],
  });
  const docs = r.results[0]!.hits.map((h) => ({
    title: String(h.titleTerms ?? "")
      .split(" ")
      .filter(Boolean),
    body: String(h.terms ?? "")
      .split(" ")
      .filter(Boolean),
  }));
  const sample = coocSample(docs);
  if (sample.n > 0) cache.set(scope.key, sample);
  return sample;
}

export const clearCoocSamples = () => cache.clear();

/**
 * The query terms with the renderings of each translated word re-weighted by their co-occurrence
 * with the other words' renderings in the scope's documents (unchanged when nothing is translated).
 */
export async function disambiguateInScope(
  scope: StatsScope,
  terms: readonly QueryTerm[],
  df: ReadonlyMap<string, number>,
  cfg: MatchConfig,
): Promise<readonly QueryTerm[]> {
  if (!cfg.cooc.enabled || !terms.some((t) => t.translated && t.from?.length)) return terms;
  const sample = await readCoocSample(scope, cfg);
  if (sample.n === 0) return terms;
  return disambiguate(terms, sample, df, { coherence: cfg.cooc.coherence, split: cfg.cooc.split, floor: cfg.cooc.floor });
}
