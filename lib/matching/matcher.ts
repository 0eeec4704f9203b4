import "server-only";
import type { Need, PrismaClient, Result } from "@/lib/generated/prisma/client";
import { getMeili, isUnavailableError, matchIndexUid } from "@/lib/search/client";
import { isBrokerView, needsIndexFor, type Viewer } from "@/lib/search/access";
import { buildFilters, oneOf, type CatalogFilters } from "@/lib/search/filters";
import { PUBLIC_NEED_STATUSES } from "@/lib/search/documents";
import { MATCH_CONFIG, type MatchConfig } from "./config";
import { backgroundShare, boundedScore, relevanceProbability } from "./calibrate";
import { hasCjk } from "./terms";
import {
  bm25,
  bm25Ceiling,
  buildQueryTerms,
  docGrams,
  gramChips,
  gramScore,
  gramQueryOf,
  subjectDocGrams,
  subjectChineseWords,
  wordChips,
  type TermPair,
  gramStats,
  queryGrams,
  type GramStats,
  fuseCandidates,
  mixQuery,
  prfCandidates,
  prfTerms,
  structuredFit,
  termDoc,
  idf,
  type CorpusStats,
  type QueryTerm,
  type Structured,
  type SubjectText,
} from "./rank";

export type { Viewer } from "@/lib/search/access";

/** What is matched: a need (looking for results) or a result (looking for needs). */
export type MatchSubject = {
  text: SubjectText;
  /** structured fields of the subject (need: trl = TRL target; result: trl = achieved TRL) */
  structured?: Structured;
};

export type MatchExplanation = {
  /** the words that matched, as written in the need and in the result (surface words, never
   * stems or fragments), strongest first */
  matchedTerms: TermPair[];
  sameChainNode: boolean;
  sameChain: boolean;
  sameField: boolean;
  trlFit: boolean | null;
  sharedModes: string[];
  sameRegion: boolean;
};

export type Match = {
  id: string;
  kind: "need" | "result";
  /** calibrated probability that the match is relevant (0..MAX_PROBABILITY, the same scale for
   * every subject; see calibrate.ts) - the one figure shown wherever the match appears */
  score: number;
  /** the need-independent evidence the score was read from (benchmarks, diagnostics) */
  evidence: { channel: "word" | "gram"; share: number };
  title: string;
  lang: "zh" | "en";
  field: string;
  trl: number | null;
  organisationName: string | null;
  /** false: show the organisation as unverified (components/orgs/org-name.tsx); null where the
   * name is not shown or the index predates the flag. Lists re-read it from the database. */
  organisationVerified: boolean | null;
  /** the index document's version (callers re-check need matches against the database) */
  version: number | null;
  explanation: MatchExplanation;
};

export type MatchOptions = {
  viewer?: Viewer;
  limit?: number;
  filters?: CatalogFilters;
  config?: MatchConfig;
  /** filled with the milliseconds spent per stage (benchmarks, diagnostics) */
  trace?: Record<string, number>;
};

export type MatchResponse = { ok: true; matches: Match[] } | { ok: false; reason: "unavailable" };

type FetchedDoc = {
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

const DOC_FIELDS: (keyof FetchedDoc)[] = [
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
const MATCH_ON = ["titleTerms", "terms"];

// Document frequencies read from the index (exact hit counts of one-word queries), cached per
// index + filter for a few minutes: they change slowly and ranking tolerates slightly stale
// counts. Bounded: the oldest entries go first.
const DF_TTL_MS = 5 * 60_000;
const DF_MAX = 200_000;
const dfCache = new Map<string, { df: number; at: number }>();
function cachedDf(key: string): number | undefined {
  const e = dfCache.get(key);
  if (!e) return undefined;
  if (Date.now() - e.at > DF_TTL_MS) {
    dfCache.delete(key);
    return undefined;
  }
  return e.df;
}
function rememberDf(key: string, df: number) {
  // A word in no document is not remembered: a newly indexed one must be found at once.
  if (df <= 0) return;
  if (dfCache.size >= DF_MAX) {
    const oldest = dfCache.keys().next().value;
    if (oldest !== undefined) dfCache.delete(oldest);
  }
  dfCache.set(key, { df, at: Date.now() });
}
// Average document length (BM25's avgdl) per index + filter, estimated from a sample of up to
// AVGDL_SAMPLE documents' word counts and cached like the document frequencies. (The candidates'
// own average is biased: long documents match more words. Measured: nDCG@10 0.398 -> 0.403.)
const AVGDL_SAMPLE = 1000;
const lengthCache = new Map<string, { n: number; title: number; body: number; langs: Record<string, number>; at: number }>();

// Character-channel statistics per index + filter: bigram document frequencies from a sample of
// the index's analysed words (Meilisearch cannot count sub-word hits), cached like the others.
const gramCache = new Map<string, { stats: GramStats; at: number }>();

/** Forgets cached corpus statistics (tests; after a rebuild). */
export function clearDfCache() {
  dfCache.clear();
  lengthCache.clear();
  gramCache.clear();
}

// An exact-word (phrase) query for one analysed term; terms never hold quotes, but be safe.
const phrase = (term: string) => `"${term.replace(/["\\]/g, " ").trim()}"`;

/**
 * Ranks the documents of `target` for a subject. Candidates come from Meilisearch (one search
 * per key term + broad "frequency" searches, fused by reciprocal rank); they are re-ranked by
 * BM25 over their analysed words with document frequencies and corpus size read from the index
 * (exact hit counts), with pseudo-relevance feedback, then structured-field bonuses.
 */
export async function matchSubject(subject: MatchSubject, target: "results" | "needs", opts: MatchOptions = {}): Promise<MatchResponse> {
  const cfg = opts.config ?? MATCH_CONFIG;
  const limit = Math.min(200, Math.max(1, opts.limit ?? cfg.defaultLimit));
  const viewer = opts.viewer ?? null;
  const kind = target === "results" ? "results" : needsIndexFor(viewer);
  // The companion index with only the analysed words searchable (same visibility rules).
  const uid = matchIndexUid(kind);
  const filter = buildFilters({ ...(opts.filters ?? {}), status: undefined, visibility: undefined });
  if (kind === "needs_broker") filter.push(oneOf("status", [...PUBLIC_NEED_STATUSES]));
  const trace = opts.trace;
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    if (trace) trace[stage] = (trace[stage] ?? 0) + (now - mark);
    mark = now;
  };
  const queryTerms = buildQueryTerms(subject.text, cfg);
  lap("terms");
  if (queryTerms.length === 0) return { ok: true, matches: [] };

  try {
    const client = getMeili();
    // Round 1: corpus statistics - size, average lengths (sampled), documents per language, and
    // exact document frequencies (count-only searches). All cached for a few minutes, so in the
    // steady state this round is skipped.
    const cacheScope = `${uid}\u0000${filter.join("\u0001")}\u0000`;
    let lengths = lengthCache.get(cacheScope);
    if (lengths && Date.now() - lengths.at > DF_TTL_MS) lengths = undefined;
    if (!lengths) {
      const r0 = await client.multiSearch({
        queries: [{ indexUid: uid, q: "", limit: AVGDL_SAMPLE, filter, facets: ["lang"], attributesToRetrieve: ["titleTermCount", "termCount"] }],
      });
      const sample = r0.results[0]!;
      const mean = (f: string) => sample.hits.reduce((s, h) => s + (Number(h[f]) || 0), 0) / Math.max(1, sample.hits.length);
      lengths = {
        n: sample.estimatedTotalHits ?? sample.totalHits ?? 0,
        title: mean("titleTermCount"),
        body: mean("termCount"),
        langs: { ...(sample.facetDistribution?.lang ?? {}) },
        at: Date.now(),
      };
      if (lengthCache.size > 1000) lengthCache.clear();
      if (lengths.n > 0) lengthCache.set(cacheScope, lengths);
    }
    if (lengths.n === 0) return { ok: true, matches: [] };
    const langs = lengths.langs;
    // Translations into a language no document is written in only cost searches.
    const activeTerms = queryTerms.filter((t) => !t.translated || (langs[hasCjk(t.term) ? "zh" : "en"] ?? 0) > 0);
    const df = new Map<string, number>();
    const unknown = activeTerms.filter((t) => {
      const known = cachedDf(cacheScope + t.term);
      if (known !== undefined) df.set(t.term, known);
      return known === undefined;
    });
    if (unknown.length) {
      const r1 = await client.multiSearch({
        queries: [
          { indexUid: uid, q: "", limit: 0, filter },
          ...unknown.map((t) => ({ indexUid: uid, q: phrase(t.term), attributesToSearchOn: MATCH_ON, limit: 0, filter })),
        ],
      });
      lengths.n = r1.results[0]?.estimatedTotalHits ?? r1.results[0]?.totalHits ?? lengths.n;
      unknown.forEach((t, i) => {
        const r = r1.results[i + 1]!;
        const d = r.estimatedTotalHits ?? r.totalHits ?? 0;
        df.set(t.term, d);
        rememberDf(cacheScope + t.term, d);
      });
    }
    const n = lengths.n;
    lap("df");

    // Round 2: candidates. One list per term (complete for rare terms, title matches first for
    // common ones) and broad "frequency" searches over the strongest words (by weight x idf).
    const present = activeTerms
      .filter((t) => (df.get(t.term) ?? 0) > 0)
      .map((t) => ({ t, w: t.weight * idf(n, df.get(t.term)!) }))
      .sort((a, b) => b.w - a.w);
    if (present.length === 0) return { ok: true, matches: [] };
    const broadSets = Array.from({ length: cfg.broadQueries }, (_, i) => present.slice(i * cfg.broadWords, (i + 1) * cfg.broadWords)).filter(
      (l) => l.length > 1,
    );
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
    lap("search");
    const maxW = present[0]!.w || 1;
    const fused = fuseCandidates(
      present.map(({ w }, i) => ({ ids: lists.results[i]!.hits.map((h) => String(h.id)), weight: w / maxW })),
      broadResults.results.map((r) => r.hits.map((h) => String(h.id))),
      cfg,
    );
    if (fused.length === 0) return { ok: true, matches: [] };

    // Round 3: the candidates' analysed words and structured fields.
    const ids = fused;
    const fetched = await client.index(uid).getDocuments<FetchedDoc>({ ids, fields: DOC_FIELDS, limit: ids.length });
    lap("fetch");
    const docs = fetched.results.map((d) => ({ meta: d, td: termDoc(String(d.id), d.titleTerms ?? "", d.terms ?? "", cfg) }));
    const sampled = lengths.title * cfg.bm25.titleWeight + lengths.body;
    const avgdl = sampled > 0 ? sampled : docs.reduce((s, d) => s + d.td.len, 0) / Math.max(1, docs.length);
    const stats: CorpusStats = { n, df, avgdl };
    const query = new Map<string, number>(queryTerms.map((t) => [t.term, t.weight]));
    let lastQuery: ReadonlyMap<string, number> = query;
    let scored = docs.map((d) => ({ ...d, ...bm25(query, d.td, stats, cfg) })).sort((a, b) => b.score - a.score);
    lap("rank");

    // Round 4 (pseudo-relevance feedback): document frequencies of the top documents' words.
    if (cfg.prf.enabled && scored.length > cfg.prf.docs && scored[0]!.score > 0) {
      const top = scored.slice(0, cfg.prf.docs).map((d) => ({ doc: d.td, score: d.score }));
      const words = prfCandidates(
        top,
        docs.map((d) => d.td),
        cfg.prf.lookups,
      ).filter((t) => {
        if (df.has(t)) return false;
        const known = cachedDf(cacheScope + t);
        if (known !== undefined) df.set(t, known);
        return known === undefined;
      });
      if (words.length) {
        const r3 = await client.multiSearch({
          queries: words.map((t) => ({ indexUid: uid, q: phrase(t), attributesToSearchOn: MATCH_ON, limit: 0, filter })),
        });
        words.forEach((t, i) => {
          const d = r3.results[i]?.estimatedTotalHits ?? 0;
          df.set(t, d);
          rememberDf(cacheScope + t, d);
        });
      }
      lap("prf-df");
      const expansion = prfTerms(top, (t) => df.get(t), n, cfg.prf.terms, cfg.prf.temperature);
      const q2 = mixQuery(query, expansion, cfg.prf.weight);
      lastQuery = q2;
      const firstMatched = new Map(scored.map((d) => [d.td.id, d.matched]));
      scored = docs.map((d) => ({ ...d, ...bm25(q2, d.td, stats, cfg), matched: firstMatched.get(d.td.id) ?? [] })).sort((a, b) => b.score - a.score);
    }

    lap("rerank");
    // The character channel (Chinese subjects over an index holding Chinese documents).
    const qGrams = cfg.gram.enabled && (langs.zh ?? 0) > 0 ? queryGrams(subject.text) : new Map<string, number>();
    let gStats: GramStats | undefined;
    if (qGrams.size) {
      const cached = gramCache.get(cacheScope);
      if (cached && Date.now() - cached.at <= DF_TTL_MS) gStats = cached.stats;
      else {
        const r = await client.multiSearch({
          queries: [{ indexUid: uid, q: "", limit: cfg.gram.sample, filter, attributesToRetrieve: ["titleTerms", "terms"] }],
        });
        const sample = r.results[0]!.hits.map((h) => termDoc("", String(h.titleTerms ?? ""), String(h.terms ?? ""), cfg));
        gStats = gramStats(sample, cfg.bm25.titleWeight);
        if (gramCache.size > 100) gramCache.clear();
        gramCache.set(cacheScope, { stats: gStats, at: Date.now() });
      }
      lap("gram-stats");
    }
    // Each document's evidence is a share of its channel's ceiling score (0..1, comparable between
    // subjects), turned into a calibrated probability of relevance (calibrate.ts). A Chinese
    // document matched by a Chinese subject is judged on the character channel (plain words share
    // PARTS of the technical terms, not whole words); every other pair on the word channel (with
    // translations and feedback). Documents of both kinds then rank on the same probability scale.
    const wordCeiling = bm25Ceiling(lastQuery, stats, cfg) || 1;
    // Matching a result to needs, each need is the query and the result the document (the share
    // is then, as in the other direction, how much of the need's evidence the pair holds).
    const subjectAsDoc = gStats && target === "needs" ? subjectDocGrams(subject.text, cfg.bm25.titleWeight) : undefined;
    const evidence = scored.map((d) => {
      const word = d.score / wordCeiling;
      if (gStats && d.meta.lang !== "en") {
        const gram = subjectAsDoc
          ? gramScore(gramQueryOf(docGrams(d.td).tf), subjectAsDoc, gStats, cfg.gram.k1, cfg.gram.b)
          : gramScore(qGrams, docGrams(d.td), gStats, cfg.gram.k1, cfg.gram.b);
        return { channel: "gram" as const, share: gram, tieBreak: word };
      }
      return { channel: "word" as const, share: word, tieBreak: 0 };
    });
    // Each channel's background: how its ordinary candidates score for this subject.
    const background = {
      word: backgroundShare(
        evidence
          .filter((e) => e.channel === "word")
          .map((e) => e.share)
          .sort((a, b) => b - a),
      ),
      gram: backgroundShare(
        evidence
          .filter((e) => e.channel === "gram")
          .map((e) => e.share)
          .sort((a, b) => b - a),
      ),
    };
    const byTerm = new Map<string, QueryTerm>(queryTerms.map((t) => [t.term, t]));
    let coarse: string[] | undefined;
    const subjectWords = () => (coarse ??= subjectChineseWords(subject.text));
    const subjectStructured = subject.structured ?? {};
    const final = scored
      .map((d, i) => {
        const other: Structured = {
          chainId: d.meta.chainId,
          chainNodeId: d.meta.chainNodeId,
          field: d.meta.field,
          trl: d.meta.trl,
          collaborationModes: d.meta.collaborationModes,
          region: d.meta.region,
        };
        const fit = target === "results" ? structuredFit(subjectStructured, other, cfg) : structuredFit(other, subjectStructured, cfg);
        const e = evidence[i]!;
        const p = relevanceProbability(e.channel, e.share, background[e.channel], cfg);
        return { d, fit, e, score: p * (1 + fit.bonus) };
      })
      .filter((m) => m.e.share > 0)
      .sort((a, b) => b.score - a.score || b.e.tieBreak - a.e.tieBreak)
      .slice(0, limit);

    return {
      ok: true,
      matches: final.map(({ d, fit, e, score }) => ({
        id: String(d.meta.id),
        kind: d.meta.kind === "need" ? "need" : "result",
        score: Math.round(boundedScore(score) * 1000) / 1000,
        evidence: { channel: e.channel, share: Math.round(e.share * 10000) / 10000 },
        title: d.meta.title ?? "",
        lang: d.meta.lang === "en" ? "en" : "zh",
        field: d.meta.field ?? "",
        trl: d.meta.trl ?? null,
        organisationName: d.meta.organisationName ?? null,
        organisationVerified: d.meta.organisationVerified ?? null,
        version: typeof d.meta.version === "number" ? d.meta.version : null,
        explanation: {
          matchedTerms: (e.channel === "gram" && gStats
            ? gramChips(subjectWords(), [...d.td.title, ...d.td.body], gStats)
            : wordChips(d.matched, byTerm, d.meta.title ?? "")
          ).map((c) => (target === "results" ? { needTerm: c.subject, resultTerm: c.doc } : { needTerm: c.doc, resultTerm: c.subject })),
          sameChainNode: fit.sameChainNode,
          sameChain: fit.sameChain,
          sameField: fit.sameField,
          trlFit: fit.trlFit,
          sharedModes: fit.sharedModes,
          sameRegion: fit.sameRegion,
        },
      })),
    };
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

export type NeedSubjectRow = Pick<
  Need,
  "title" | "teaser" | "description" | "keywords" | "chainNodeId" | "field" | "trlTarget" | "collaborationModes" | "region"
> & {
  chainNode: { chainId: string } | null;
};

/** A need in full (title, teaser, description) as the subject of matching. */
export function needMatchSubject(need: NeedSubjectRow): MatchSubject {
  return {
    text: { title: need.title, body: [need.teaser, need.description].filter(Boolean).join("\n"), keywords: need.keywords },
    structured: {
      chainId: need.chainNode?.chainId ?? null,
      chainNodeId: need.chainNodeId,
      field: need.field,
      trl: need.trlTarget,
      collaborationModes: need.collaborationModes,
      region: need.region,
    },
  };
}

type ResultSubjectRow = Pick<Result, "title" | "summary" | "description" | "keywords" | "chainNodeId" | "field" | "trl" | "transferModes"> & {
  chainNode: { chainId: string } | null;
  organisation: { region: string | null } | null;
};

/** A research result (title, summary, description) as the subject of matching. */
function resultMatchSubject(result: ResultSubjectRow): MatchSubject {
  return {
    text: { title: result.title, body: [result.summary, result.description].filter(Boolean).join("\n"), keywords: result.keywords },
    structured: {
      chainId: result.chainNode?.chainId ?? null,
      chainNodeId: result.chainNodeId,
      field: result.field,
      trl: result.trl,
      collaborationModes: result.transferModes,
      region: result.organisation?.region ?? null,
    },
  };
}

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
