import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getMeili, isUnavailableError, matchIndexUid } from "@/lib/search/client";
import { isBrokerView, needsIndexFor } from "@/lib/search/access";
import { buildFilters, oneOf } from "@/lib/search/filters";
import { PUBLIC_NEED_STATUSES } from "@/lib/search/documents";
import { MATCH_CONFIG } from "./config";
import { fetchCandidates, presentTerms, searchCandidates } from "./candidates";
import { clearCorpusStats, readDocFrequencies, readIndexLengths, statsScope } from "./corpus-stats";
import { clearCoocSamples, disambiguateInScope } from "./cooccurrence-stats";
import { buildQueryTerms } from "./rank";
import { englishVariantTerms } from "./translate";
import { rerankCandidates } from "./rerank";
import { needMatchSubject, resultMatchSubject } from "./subjects";
import { hasCjk } from "./terms";
import type { MatchOptions, MatchResponse, MatchSubject, MatchTarget } from "./types";

export type { Viewer } from "@/lib/search/access";
export type { Match, MatchExplanation, MatchOptions, MatchResponse, MatchSubject, MatchTarget } from "./types";
export { needMatchSubject, type NeedSubjectRow } from "./subjects";

/** Forgets cached corpus statistics (tests; after a rebuild). */
export const clearDfCache = () => {
  clearCorpusStats();
  clearCoocSamples();
};

/**
 * Ranks the documents of `target` for a subject, in three steps: corpus statistics
 * (corpus-stats.ts: size, lengths, document frequencies read from the index, cached), candidate
 * search (candidates.ts: one Meilisearch search per key term + broad "frequency" searches, fused
 * by reciprocal rank) and re-ranking (rerank.ts: BM25 over the candidates' analysed words with
 * pseudo-relevance feedback, the character channel, calibration, structured-field bonuses).
 */
export async function matchSubject(subject: MatchSubject, target: MatchTarget, opts: MatchOptions = {}): Promise<MatchResponse> {
  const cfg = opts.config ?? MATCH_CONFIG;
  const limit = Math.min(200, Math.max(1, opts.limit ?? cfg.defaultLimit));
  const viewer = opts.viewer ?? null;
  const kind = target === "results" ? "results" : needsIndexFor(viewer);
  const filter = buildFilters({ ...(opts.filters ?? {}), status: undefined, visibility: undefined });
  if (kind === "needs_broker") filter.push(oneOf("status", [...PUBLIC_NEED_STATUSES]));
  const trace = opts.trace;
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    if (trace) trace[stage] = (trace[stage] ?? 0) + (now - mark);
    mark = now;
  };
  // (a rendering's derivational variants too: theory -> theoretical; translate.ts)
  const queryTerms = englishVariantTerms(buildQueryTerms(subject.text, cfg), cfg.zhWords.variants);
  lap("terms");
  if (queryTerms.length === 0) return { ok: true, matches: [] };

  try {
    // The companion index with only the analysed words searchable (same visibility rules).
    const scope = statsScope(getMeili(), matchIndexUid(kind), filter);
    // Round 1: corpus statistics (cached for a few minutes: in the steady state no request).
    const lengths = await readIndexLengths(scope);
    if (lengths.n === 0) return { ok: true, matches: [] };
    // Translations into a language no document is written in only cost searches.
    const active = queryTerms.filter((t) => !t.translated || (lengths.langs[hasCjk(t.term) ? "zh" : "en"] ?? 0) > 0);
    const df = new Map<string, number>();
    await readDocFrequencies(
      scope,
      active.map((t) => t.term),
      df,
      lengths,
    );
    lap("df");
    // Each translated word's renderings weighted by their use in this catalogue (cooccurrence.ts);
    // a rendering's derivational variants only where the catalogue uses them.
    const used = active.filter((t) => !t.variant || (df.get(t.term) ?? 0) > 0);
    const activeTerms = await disambiguateInScope(scope, used, df, cfg);
    lap("disambiguate");

    // Round 2: candidates.
    // (No word of the subject in the index: the character channel may still find candidates.)
    const present = presentTerms(activeTerms, df, lengths.n);
    const ids = await searchCandidates(scope, present, df, lengths.n, cfg);
    lap("search");

    // Round 3: the candidates' analysed words and structured fields, re-ranked.
    const candidates = await fetchCandidates(scope, ids);
    lap("fetch");
    const matches = await rerankCandidates({ scope, subject, target, queryTerms: activeTerms, candidates, lengths, df, limit, cfg, lap });
    return { ok: true, matches };
  } catch (e) {
    if (isUnavailableError(e)) return { ok: false, reason: "unavailable" };
    throw e;
  }
}

/**
 * Loads jieba and the zh-en dictionary (~1 s once per process) so that the first match request
 * does not pay for it; call at server / worker start if convenient.
 */
export function warmUpMatching(): void {
  buildQueryTerms({ title: "heat conduction 热传导 锂离子电池" });
}

type Db = Pick<PrismaClient, "need" | "result">;

/**
 * Ranked research results for a need (read from the database; the caller checks access). The
 * viewer does not change the outcome: results are public, so every viewer searches the same
 * index with the same filter (see matchSubject).
 */
export async function matchResultsForNeed(db: Db, needId: string, opts: MatchOptions = {}): Promise<MatchResponse | null> {
  const need = await db.need.findUnique({ where: { id: needId }, include: { chainNode: { select: { chainId: true } } } });
  if (!need) return null;
  return matchSubject(needMatchSubject(need), "results", opts);
}

/**
 * Ranked needs for a research result, viewer-aware: brokers/admins see every published need
 * (broker index), everyone else only what the public index holds (confidential needs as
 * teasers, no broker-only needs).
 */
export async function matchNeedsForResult(db: Db, resultId: string, opts: MatchOptions = {}): Promise<MatchResponse | null> {
  const result = await db.result.findUnique({
    where: { id: resultId },
    include: { chainNode: { select: { chainId: true } }, organisation: { select: { region: true } } },
  });
  if (!result) return null;
  return matchSubject(resultMatchSubject(result), "needs", opts);
}

export { isBrokerView };
