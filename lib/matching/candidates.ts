import "server-only";
import type { MatchConfig } from "./config";
import { MATCH_ON, phrase, type StatsScope } from "./corpus-stats";
import { fuseCandidates, idf, type QueryTerm } from "./rank";
import { oneOf } from "@/lib/search/filters";

// Candidate search: which documents of the index are worth re-ranking for a subject. One search
// per key term (complete for rare terms, title matches first for common ones) and broad
// "frequency" searches over the strongest words, fused by reciprocal rank (fuseCandidates).

/** A candidate's stored fields: its analysed words (re-ranking) and structured fields (bonuses, display). */
export type CandidateDoc = {
  id: string;
  version?: number;
  kind?: string;
  title?: string;
  lang?: string;
  field?: string;
  trl?: number | null;
  organisationName?: string | null;
  organisationVerified?: boolean | null;
  chainId?: string | null;
  chainNodeId?: string | null;
  collaborationModes?: string[];
  region?: string | null;
  titleTerms?: string;
  terms?: string;
};

const DOC_FIELDS: (keyof CandidateDoc)[] = [
  "id",
  "version",
  "kind",
  "title",
  "lang",
  "field",
  "trl",
  "organisationName",
  "organisationVerified",
  "chainId",
  "chainNodeId",
  "collaborationModes",
  "region",
  "titleTerms",
  "terms",
];

/** The query terms found in the index, strongest (weight x idf) first. */
export function presentTerms(terms: readonly QueryTerm[], df: ReadonlyMap<string, number>, n: number): { t: QueryTerm; w: number }[] {
  return terms
    .filter((t) => (df.get(t.term) ?? 0) > 0)
    .map((t) => ({ t, w: t.weight * idf(n, df.get(t.term)!) }))
    .sort((a, b) => b.w - a.w);
}

/** The ids of the candidates for `present` (see presentTerms), fused best first. */
export async function searchCandidates(
  scope: StatsScope,
  present: readonly { t: QueryTerm; w: number }[],
  df: ReadonlyMap<string, number>,
  n: number,
  cfg: MatchConfig,
): Promise<string[]> {
  if (present.length === 0) return [];
  const { client, uid, filter } = scope;
  const broadSets = Array.from({ length: cfg.broadQueries }, (_, i) => present.slice(i * cfg.broadWords, (i + 1) * cfg.broadWords)).filter((l) => l.length > 1);
  // Two requests in parallel (Meilisearch answers them on separate threads).
  const listsRequest = client.multiSearch({
    queries: present.map(({ t }) => ({
      indexUid: uid,
      q: phrase(t.term),
      attributesToSearchOn: MATCH_ON,
      // (a rare term asks for rareTermDf hits, not df: the cached df may be a little stale)
      limit: df.get(t.term)! <= cfg.rareTermDf ? cfg.rareTermDf : df.get(t.term)! > cfg.commonTermShare * n ? 0 : cfg.perTermLimit,
      attributesToRetrieve: ["id"],
      filter,
    })),
  });
  const broadRequest = broadSets.length
    ? client.multiSearch({
        queries: broadSets.map((l) => ({
          indexUid: uid,
          q: l.map(({ t }) => t.term).join(" "),
          attributesToSearchOn: MATCH_ON,
          matchingStrategy: "frequency" as const,
          limit: cfg.broadLimit,
          attributesToRetrieve: ["id"],
          filter,
        })),
      })
    : Promise.resolve({ results: [] as { hits: { id?: unknown }[] }[] });
  const [lists, broadResults] = await Promise.all([listsRequest, broadRequest]);
  const maxW = present[0]!.w || 1;
  return fuseCandidates(
    present.map(({ w }, i) => ({ ids: lists.results[i]!.hits.map((h) => String(h.id)), weight: w / maxW })),
    broadResults.results.map((r) => r.hits.map((h) => String(h.id))),
    cfg,
  );
}

/** The candidates' analysed words and structured fields. */
export async function fetchCandidates(scope: StatsScope, ids: readonly string[]): Promise<CandidateDoc[]> {
  if (ids.length === 0) return [];
  const fetched = await scope.client.index(scope.uid).getDocuments<CandidateDoc>({ ids: [...ids], fields: DOC_FIELDS, limit: ids.length });
  return fetched.results;
}

/**
 * The candidates' fields for ids found outside Meilisearch's searches (the cached character-channel
 * catalogue), read through the scope's filter: a document hidden since the cache was filled stays out.
 */
export async function fetchCandidatesInScope(scope: StatsScope, ids: readonly string[]): Promise<CandidateDoc[]> {
  if (ids.length === 0) return [];
  const r = await scope.client.multiSearch({
    queries: [{ indexUid: scope.uid, q: "", filter: [...scope.filter, oneOf("id", ids)], limit: ids.length, attributesToRetrieve: DOC_FIELDS }],
  });
  return r.results[0]!.hits as unknown as CandidateDoc[];
}
