// The matcher's pure pieces: query terms, reciprocal-rank fusion, BM25 re-ranking with corpus
// statistics from the index, pseudo-relevance feedback, structured-field bonuses and the
// explanation of each match. No I/O: lib/matching/matcher.ts feeds them from Meilisearch.
import { MATCH_CONFIG, type MatchConfig } from "./config";
import { chineseWords, englishWords } from "./terms";
import { translateEnStems, translateZhWord } from "./translate";

export type QueryTerm = {
  term: string;
  weight: number;
  /** the words of the subject this term stands for (for explanations) */
  surfaces: string[];
  /** set when the term is a translation (zh <-> en) of `surfaces` */
  translated: boolean;
};

export type SubjectText = { title: string; body?: string | null; keywords?: readonly string[] | null };

/**
 * Key terms of a need or result: English stems and Chinese words with their counts as weights,
 * plus their translations into the other language (weighted by `translationWeight`). The top
 * `maxQueryTerms` by weight (ties: first occurrence) are kept; translations do not count
 * against that cap but are capped at the same number.
 */
export function buildQueryTerms(text: SubjectText, cfg: MatchConfig = MATCH_CONFIG): QueryTerm[] {
  const full = [text.title, (text.keywords ?? []).join(" "), text.body ?? ""].filter(Boolean).join("\n");
  const terms = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, surface: string, translated: boolean) => {
    const t = terms.get(term);
    if (t) {
      t.weight += weight;
      if (!t.surfaces.includes(surface)) t.surfaces.push(surface);
      if (!translated) t.translated = false;
    } else terms.set(term, { term, weight, surfaces: [surface], translated });
  };
  const en = englishWords(full);
  for (const { word, stem } of en) add(stem, 1, word, false);
  const zh = chineseWords(full);
  for (const w of zh) add(w, 1, w, false);
  const original = [...terms.values()].sort((a, b) => b.weight - a.weight).slice(0, cfg.maxQueryTerms);
  const kept = new Set(original.map((t) => t.term));

  const translations = new Map<string, QueryTerm>();
  const addTr = (term: string, weight: number, source: string) => {
    if (kept.has(term)) return;
    const t = translations.get(term);
    if (t) {
      t.weight += weight;
      if (!t.surfaces.includes(source)) t.surfaces.push(source);
    } else translations.set(term, { term, weight, surfaces: [source], translated: true });
  };
  for (const w of new Set(zh)) {
    const src = terms.get(w);
    if (!src || !kept.has(w)) continue;
    const tr = translateZhWord(w);
    for (const t of tr) addTr(t.term, (src.weight * cfg.translationWeight) / Math.sqrt(tr.length), w);
  }
  if (en.length) {
    const tr = translateEnStems(
      en.map((x) => x.stem),
      en.map((x) => x.word),
    );
    // A Chinese rendering is analysed like document text, so it matches the indexed words.
    for (const t of tr) {
      const parts = [...new Set(chineseWords(t.term))];
      for (const p of parts) addTr(p, cfg.translationWeight / Math.sqrt(parts.length), t.source);
    }
  }
  const extra = [...translations.values()].sort((a, b) => b.weight - a.weight).slice(0, cfg.maxQueryTerms);
  return [...original, ...extra];
}

/**
 * Fuses Meilisearch's candidate lists into one pre-ranking and keeps the top `candidateCap`:
 * a document scores the (normalised) weight x idf of every term list that holds it - a BM25
 * without term frequencies - plus a reciprocal-rank share of each broad ("frequency") search.
 */
export function fuseCandidates(
  termLists: readonly { ids: readonly string[]; weight: number }[],
  broadLists: readonly (readonly string[])[],
  cfg: MatchConfig = MATCH_CONFIG,
): string[] {
  const pre = new Map<string, number>();
  for (const { ids, weight } of termLists) for (const id of ids) pre.set(id, (pre.get(id) ?? 0) + weight);
  for (const ids of broadLists) {
    ids.forEach((id, rank) => pre.set(id, (pre.get(id) ?? 0) + (cfg.broadWeight * (cfg.rrfK + 1)) / (cfg.rrfK + rank + 1)));
  }
  return [...pre]
    .sort((a, b) => b[1] - a[1])
    .slice(0, cfg.candidateCap)
    .map(([id]) => id);
}

/**
 * A candidate's analysed words, kept as token arrays: term frequencies are counted only for the
 * words a pass needs (allocating a full frequency map for hundreds of candidates per match
 * dominated the matcher's CPU and GC time).
 */
export type TermDoc = { id: string; title: string[]; body: string[]; len: number; titleWeight: number };

export function termDoc(id: string, titleTerms: string, bodyTerms: string, cfg: MatchConfig = MATCH_CONFIG): TermDoc {
  const title = titleTerms ? titleTerms.split(" ") : [];
  const body = bodyTerms ? bodyTerms.split(" ") : [];
  const tw = cfg.bm25.titleWeight;
  return { id, title, body, len: title.length * tw + body.length, titleWeight: tw };
}

/** Frequencies (title words counting `titleWeight` times) of the words in `wanted` only. */
export function countTerms(doc: TermDoc, wanted: { has(t: string): boolean }): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of doc.title) if (wanted.has(t)) tf.set(t, (tf.get(t) ?? 0) + doc.titleWeight);
  for (const t of doc.body) if (wanted.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Frequencies of all the words of a document. */
export const allTerms = (doc: TermDoc): Map<string, number> => countTerms(doc, { has: () => true });

export type CorpusStats = { n: number; df: ReadonlyMap<string, number>; avgdl: number };

export const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** BM25 of one document for weighted query terms; also returns the query terms it contains. */
export function bm25(query: ReadonlyMap<string, number>, doc: TermDoc, stats: CorpusStats, cfg: MatchConfig = MATCH_CONFIG) {
  const { k1, b } = cfg.bm25;
  const norm = k1 * (1 - b + (b * doc.len) / Math.max(1, stats.avgdl));
  let score = 0;
  const matched: string[] = [];
  const tf = countTerms(doc, query);
  for (const [t, w] of query) {
    const f = tf.get(t);
    if (!f) continue;
    const df = stats.df.get(t);
    if (df === undefined || df <= 0) continue;
    score += w * idf(stats.n, df) * ((f * (k1 + 1)) / (f + norm));
    matched.push(t);
  }
  return { score, matched };
}

/**
 * Expansion terms from the top documents (relevance-model style): each top document votes for
 * its words by tf/len, weighted by its normalised score; words are then weighted by idf.
 * `dfOf` gives the document frequency of a word (undefined = unknown: skipped).
 */
export function prfTerms(
  top: readonly { doc: TermDoc; score: number }[],
  dfOf: (t: string) => number | undefined,
  n: number,
  count: number,
  temperature = 1,
): { term: string; weight: number }[] {
  if (!top.length) return [];
  const max = top[0]!.score || 1;
  const acc = new Map<string, number>();
  for (const { doc, score } of top) {
    const w = Math.exp((score - max) / temperature);
    for (const [t, f] of allTerms(doc)) acc.set(t, (acc.get(t) ?? 0) + (w * f) / doc.len);
  }
  const out: { term: string; weight: number }[] = [];
  for (const [t, v] of acc) {
    const df = dfOf(t);
    if (df === undefined || df <= 0) continue;
    out.push({ term: t, weight: v * idf(n, df) });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, count);
}

/** Candidate words for expansion before their df is known: by summed tf/len over top docs. */
export function prfCandidates(top: readonly { doc: TermDoc; score: number }[], candidates: readonly TermDoc[], count: number): string[] {
  if (!top.length) return [];
  const max = top[0]!.score || 1;
  const acc = new Map<string, number>();
  for (const { doc, score } of top) {
    const w = Math.exp(score - max);
    for (const [t, f] of allTerms(doc)) acc.set(t, (acc.get(t) ?? 0) + (w * f) / doc.len);
  }
  // Rough idf from the candidate set, only to pick which words to look up in the index:
  // document counts of the top documents' words among the candidates.
  const cdf = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  candidates.forEach((d, i) => {
    for (const list of [d.title, d.body]) {
      for (const t of list) {
        if (!acc.has(t) || lastSeen.get(t) === i) continue;
        lastSeen.set(t, i);
        cdf.set(t, (cdf.get(t) ?? 0) + 1);
      }
    }
  });
  const c = candidates.length;
  return [...acc]
    .map(([t, v]) => [t, v * Math.log(1 + c / (cdf.get(t) ?? 1))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([t]) => t);
}

/** Combines the original query with expansion terms: (1 - w) * q/|q| + w * e/|e|. */
export function mixQuery(query: ReadonlyMap<string, number>, expansion: readonly { term: string; weight: number }[], w: number) {
  const out = new Map<string, number>();
  const qz = [...query.values()].reduce((a, b) => a + b, 0) || 1;
  const ez = expansion.reduce((a, b) => a + b.weight, 0) || 1;
  for (const [t, v] of query) out.set(t, ((1 - w) * v) / qz);
  for (const { term, weight } of expansion) out.set(term, (out.get(term) ?? 0) + (w * weight) / ez);
  return out;
}

export type Structured = {
  chainId?: string | null;
  chainNodeId?: string | null;
  field?: string | null;
  trl?: number | null;
  collaborationModes?: readonly string[] | null;
  region?: string | null;
};

export type StructuredFit = {
  sameChainNode: boolean;
  sameChain: boolean;
  sameField: boolean;
  /** null when either side has no TRL */
  trlFit: boolean | null;
  sharedModes: string[];
  sameRegion: boolean;
  bonus: number;
};

/**
 * Structured-field fit between a need and a result (in either direction: `need` is the side
 * with the TRL target, `result` the side with the achieved TRL).
 */
export function structuredFit(need: Structured, result: Structured, cfg: MatchConfig = MATCH_CONFIG): StructuredFit {
  const sameChainNode = !!need.chainNodeId && need.chainNodeId === result.chainNodeId;
  const sameChain = !!need.chainId && need.chainId === result.chainId;
  const sameField = !!need.field && !!result.field && need.field.trim().toLowerCase() === result.field.trim().toLowerCase();
  const trlFit =
    need.trl == null || result.trl == null ? null : result.trl >= need.trl - cfg.trlTolerance;
  const resultModes = new Set(result.collaborationModes ?? []);
  const sharedModes = (need.collaborationModes ?? []).filter((m) => resultModes.has(m));
  const sameRegion = !!need.region && need.region === result.region;
  const b = cfg.bonus;
  const bonus =
    (sameChainNode ? b.sameChainNode : 0) +
    (sameChain ? b.sameChain : 0) +
    (sameField ? b.sameField : 0) +
    (trlFit ? b.trlFit : 0) +
    (sharedModes.length ? b.modeFit : 0) +
    (sameRegion ? b.sameRegion : 0);
  return { sameChainNode, sameChain, sameField, trlFit, sharedModes, sameRegion, bonus };
}
