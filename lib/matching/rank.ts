// The matcher's pure pieces: query terms, reciprocal-rank fusion, BM25 re-ranking with corpus
// statistics from the index, pseudo-relevance feedback, structured-field bonuses and the
// explanation of each match. No I/O: lib/matching/matcher.ts feeds them from Meilisearch.
import { MATCH_CONFIG, type MatchConfig } from "./config";
import { chineseWords, chineseWordsCoarse, englishWords } from "./terms";
import { ZH_QUERY_NOISE, ZH_STOP_WORDS } from "./stopwords";
import { productCodeWords } from "./product-codes";
import { knowsZhWord, splitKnown, translateEnStems, translateZhChar, translateZhWord } from "./translate";
import type { Concepts } from "./concepts";

export type QueryTerm = {
  term: string;
  weight: number;
  /** the words of the subject this term stands for (for explanations) */
  surfaces: string[];
  /** the term as a word people read, in its own language (a stem's word, a gloss word) */
  renderings: string[];
  /** set when the term is a translation (zh <-> en) of `surfaces` */
  translated: boolean;
  /** zh -> en: the Chinese words it renders and the weight each gives it (concepts.ts) */
  from?: { word: string; weight: number }[];
  /** zh -> en: a derivational variant of a rendering (translate.ts englishVariants), not a rendering */
  variant?: boolean;
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
    } else terms.set(term, { term, weight, surfaces: [surface], renderings: [surface], translated });
  };
  const en = englishWords(full);
  for (const { word, stem } of en) add(stem, 1, word, false);
  const zh = chineseWords(full).filter((w) => !ZH_QUERY_NOISE.has(w));
  for (const w of zh) add(w, 1, w, false);
  const original = [...terms.values()].sort((a, b) => b.weight - a.weight).slice(0, cfg.maxQueryTerms);
  const kept = new Set(original.map((t) => t.term));

  const translations = new Map<string, QueryTerm>();
  const addTr = (term: string, weight: number, source: string, rendering = term, concept?: string) => {
    if (kept.has(term)) return;
    const from = concept ? [{ word: concept, weight }] : undefined;
    const t = translations.get(term);
    if (t) {
      t.weight += weight;
      if (!t.surfaces.includes(source)) t.surfaces.push(source);
      if (!t.renderings.includes(rendering)) t.renderings.push(rendering);
      if (from) t.from = [...(t.from ?? []), ...from];
    } else translations.set(term, { term, weight, surfaces: [source], renderings: [rendering], translated: true, ...(from ? { from } : {}) });
  };
  // Chinese -> English: whole words as jieba cuts them (not the search-mode parts, whose
  // translations are mostly noise: 动力学 is "dynamics", not 动力 "power" + 力学 "mechanics");
  // a word the dictionaries do not know is translated through its longest known parts.
  const coarse = new Map<string, number>();
  for (const w of chineseWordsCoarse(full)) if (!ZH_QUERY_NOISE.has(w)) coarse.set(w, (coarse.get(w) ?? 0) + 1);
  // The characters no known part covers are translated one by one, weighted lower (攻角 ->
  // 攻 "attack" + 角 "angle"; 三角翼 -> 三角 "triangle" + 翼 "wing").
  for (const [w, count] of coarse) {
    const { parts, rest } = knowsZhWord(w) ? { parts: [w], rest: [] } : splitKnown(w);
    for (const part of parts) {
      if (ZH_QUERY_NOISE.has(part)) continue;
      for (const t of translateZhWord(part, cfg.zhWords)) addTr(t.term, count * cfg.translationWeight * (t.weight ?? 1), w, t.rendering, part);
    }
    if (!(cfg.charTranslationWeight > 0)) continue;
    for (const c of rest) {
      if (ZH_QUERY_NOISE.has(c) || ZH_STOP_WORDS.has(c)) continue;
      for (const t of translateZhChar(c)) addTr(t.term, count * cfg.translationWeight * cfg.charTranslationWeight * (t.weight ?? 1), w, t.rendering, c);
    }
  }
  if (en.length) {
    // Product codes and abbreviations are never translated (they break phrases too).
    const codes = productCodeWords(full);
    const tr = translateEnStems(
      en.map((x) => (codes.has(x.word) ? "\u0000" : x.stem)),
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
 * The character channel of a subject's Chinese text (noise words out), gram -> saturated count;
 * the title's grams count `titleWeight` times (a need's title names what it is about).
 */
export function queryGrams(text: SubjectText, titleWeight = 1): Map<string, number> {
  const grams = new Map<string, number>();
  const rest = [(text.keywords ?? []).join(" "), text.body ?? ""].filter(Boolean).join("\n");
  for (const [part, w] of [
    [text.title, titleWeight],
    [rest, 1],
  ] as const) {
    for (const g of cjkGrams(gramTokens(part))) grams.set(g, (grams.get(g) ?? 0) + w);
  }
  // Query-side saturation (BM25's k3 = 1): a long plain-words need repeats everyday characters.
  for (const [g, v] of grams) grams.set(g, (2 * v) / (v + 1));
  return grams;
}

/**
 * The analysed tokens of a subject's text for the character channel, as documents store them
 * (analyze: English stems, then Chinese words). Noise words stay: on this channel a word's parts
 * are weighed by their own rarity (idf), and a key term that happens to be an everyday word (信息
 * in 信息生态, 长 in 长余辉) is evidence; the word channel drops them (buildQueryTerms).
 */
function gramTokens(text: string): string[] {
  return [...englishWords(text).map((x) => x.stem), ...chineseWords(text)];
}

/**
 * A subject's character-channel frequencies as a document (title grams count `titleWeight` times):
 * for matching a result to needs, where each candidate need is scored as the query against the
 * result, so that the share means what the calibration was fitted on (how much of a NEED's
 * evidence is found), in both directions.
 */
export function subjectDocGrams(text: SubjectText, titleWeight: number): { tf: Map<string, number>; len: number } {
  const title = gramTokens(text.title);
  const body = gramTokens([(text.keywords ?? []).join(" "), text.body ?? ""].filter(Boolean).join("\n"));
  return docGrams({ id: "", title, body, len: 0, titleWeight });
}

/** A document's gram frequencies as a query, saturated like queryGrams (BM25's k3 = 1). */
export function gramQueryOf(tf: ReadonlyMap<string, number>): Map<string, number> {
  const grams = new Map<string, number>();
  for (const [g, v] of tf) grams.set(g, (2 * v) / (v + 1));
  return grams;
}

/** A subject's Chinese words as jieba cuts them (whole words, noise out): for explanations. */
export function subjectChineseWords(text: SubjectText): string[] {
  const full = [text.title, (text.keywords ?? []).join(" "), text.body ?? ""].filter(Boolean).join("\n");
  return chineseWordsCoarse(full).filter((w) => !ZH_QUERY_NOISE.has(w));
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

/** `concepts`: structured-translation concepts of the query (concepts.ts), their df in `df`. */
export type CorpusStats = { n: number; df: ReadonlyMap<string, number>; avgdl: number; concepts?: Concepts };

const memberSets = new WeakMap<Concepts, Set<string>>();
/** Whether `t` renders one of the concepts (the set of all renderings, built once per query). */
function conceptMember(concepts: Concepts, t: string): boolean {
  let set = memberSets.get(concepts);
  if (!set) {
    set = new Set([...concepts.values()].flatMap((m) => [...m.keys()]));
    memberSets.set(concepts, set);
  }
  return set.has(t);
}

export const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * A prior for corpus statistics: `docs` pseudo-documents in which every term occurs at the document
 * rate `rate`. Over a catalogue of a few documents, observed document frequencies say nothing about
 * which words are rare (with N = 1 every shared word looks common and every missing one rare); the
 * prior keeps idf near-uniform there and fades as the catalogue grows (Bayesian smoothing of the
 * document rate).
 */
export type DfPrior = { docs: number; rate: number };

/** idf over the catalogue plus the prior's pseudo-documents. */
export const smoothedIdf = (n: number, df: number, prior: DfPrior | undefined) =>
  prior ? idf(n + prior.docs, df + prior.docs * prior.rate) : idf(Math.max(n, 1), df);

/** BM25 of one document for weighted query terms; also returns the query terms it contains. */
export function bm25(query: ReadonlyMap<string, number>, doc: TermDoc, stats: CorpusStats, cfg: MatchConfig = MATCH_CONFIG) {
  const { k1, b } = cfg.bm25;
  const norm = k1 * (1 - b + (b * doc.len) / Math.max(1, stats.avgdl));
  let score = 0;
  const matched: string[] = [];
  const concepts = stats.concepts;
  const tf = countTerms(doc, concepts?.size ? { has: (t: string) => query.has(t) || conceptMember(concepts, t) } : query);
  for (const [t, w] of query) {
    const members = concepts?.get(t);
    let f = tf.get(t) ?? 0;
    if (members) for (const [m, p] of members) f += p * (tf.get(m) ?? 0);
    if (!f) continue;
    const df = stats.df.get(t);
    if (df === undefined || df <= 0) continue;
    score += w * idf(stats.n, df) * ((f * (k1 + 1)) / (f + norm));
    if (members) {
      for (const m of members.keys()) if (tf.get(m)) matched.push(m);
    } else matched.push(t);
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
  const trlFit = need.trl == null || result.trl == null ? null : result.trl >= need.trl - cfg.trlTolerance;
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

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN_TOKEN = /^[a-z0-9][a-z0-9']*$/;

/**
 * The character channel of Chinese text: the characters and character bigrams of its analysed
 * Chinese words, plus the bigram across each boundary between consecutive words; a Latin word
 * (an English stem, a formula or code in a Chinese text: ZnO, GaN, LED, Lyapunov) is one token of
 * the channel as a whole (it is often the rarest, surest evidence of a Chinese paper). A
 * plain-words need shares PARTS of words with the result that answers it (冻干 in 冷冻干燥, 出粉 in
 * 出粉率) even when it shares no whole word. A search-mode sub-word followed (within 3 tokens) by the longer word containing it is skipped: its bigrams come
 * with that word, so they are not counted twice.
 */
export function cjkGrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let prev = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!CJK_CHAR.test(t)) {
      prev = "";
      if (LATIN_TOKEN.test(t)) out.push(t);
      continue;
    }
    let covered = false;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const u = tokens[j]!;
      if (u.length > t.length && u.includes(t)) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    const chars = [...t];
    // the bigram across the boundary with the previous word, as in the running text
    if (prev) out.push(prev + chars[0]!);
    prev = chars[chars.length - 1]!;
    for (let k = 0; k < chars.length; k++) {
      out.push(chars[k]!);
      if (k + 1 < chars.length) out.push(chars[k]! + chars[k + 1]!);
    }
  }
  return out;
}

export type GramStats = { n: number; df: ReadonlyMap<string, number>; avgdl: number };

/** Character-channel statistics from a sample of documents' analysed words (title weighted). */
export function gramStats(docs: readonly { title: string[]; body: string[] }[], titleWeight: number): GramStats {
  const df = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    const t = cjkGrams(d.title);
    const b = cjkGrams(d.body);
    total += t.length * titleWeight + b.length;
    for (const g of new Set([...t, ...b])) df.set(g, (df.get(g) ?? 0) + 1);
  }
  return { n: docs.length, df, avgdl: docs.length ? total / docs.length : 0 };
}

/** A document's character-channel frequencies (title grams count `titleWeight` times). */
export function docGrams(doc: TermDoc): { tf: Map<string, number>; len: number } {
  const tf = new Map<string, number>();
  let len = 0;
  for (const [list, w] of [
    [doc.title, doc.titleWeight],
    [doc.body, 1],
  ] as const) {
    for (const g of cjkGrams(list)) {
      tf.set(g, (tf.get(g) ?? 0) + w);
      len += w;
    }
  }
  return { tf, len };
}

/**
 * BM25 of the character channel as a share of the best score the query could reach (every
 * gram saturated): 0..1, comparable between needs. Grams missing from the sample count as rare
 * (as rare as `prior` allows: see DfPrior).
 */
export function gramScore(
  query: ReadonlyMap<string, number>,
  doc: { tf: ReadonlyMap<string, number>; len: number },
  stats: GramStats,
  k1 = 1.2,
  b = 0.75,
  prior?: DfPrior,
): number {
  const norm = k1 * (1 - b + (b * doc.len) / Math.max(1, stats.avgdl));
  let score = 0;
  let best = 0;
  for (const [g, w] of query) {
    const i = smoothedIdf(stats.n, stats.df.get(g) ?? 0, prior);
    best += w * i * (k1 + 1);
    const f = doc.tf.get(g);
    if (f) score += w * i * ((f * (k1 + 1)) / (f + norm));
  }
  return best > 0 ? score / best : 0;
}

/** The best BM25 score a weighted query could reach over these document frequencies. */
export function bm25Ceiling(query: ReadonlyMap<string, number>, stats: CorpusStats, cfg: MatchConfig = MATCH_CONFIG): number {
  let best = 0;
  for (const [t, w] of query) {
    const df = stats.df.get(t);
    if (df === undefined || df <= 0) continue;
    best += w * idf(stats.n, df) * (cfg.bm25.k1 + 1);
  }
  return best;
}

/** One chip of an explanation: the word as written in the need and in the result. */
export type TermPair = { needTerm: string; resultTerm: string };

/**
 * The matched words of a word-channel match as people read them: the subject's word and the
 * document's word (found in its title when a title word has the same stem, else the rendering
 * of the term), strongest first; a Chinese word contained in a longer chip is dropped (传感 next
 * to 传感器).
 */
export function wordChips(matched: readonly string[], terms: ReadonlyMap<string, QueryTerm>, docTitle: string, max = 6): { subject: string; doc: string }[] {
  const titleWords = new Map<string, string>();
  for (const { word, stem } of englishWords(docTitle)) if (!titleWords.has(stem)) titleWords.set(stem, word);
  const out: { subject: string; doc: string; w: number }[] = [];
  for (const m of matched) {
    const t = terms.get(m);
    if (!t) continue;
    const subject = t.surfaces[0]!;
    const doc = titleWords.get(t.term) ?? t.renderings[0] ?? subject;
    out.push({ subject, doc, w: t.weight });
  }
  out.sort((a, b) => b.w - a.w);
  return dedupeChips(out)
    .slice(0, max)
    .map(({ subject, doc }) => ({ subject, doc }));
}

function dedupeChips<T extends { subject: string; doc: string }>(chips: readonly T[]): T[] {
  const kept: T[] = [];
  for (const c of chips) {
    const inside = chips.some((o) => o !== c && o.subject.length > c.subject.length && o.subject.includes(c.subject) && o.doc.includes(c.doc));
    if (inside || kept.some((k) => k.subject === c.subject && k.doc === c.doc)) continue;
    kept.push(c);
  }
  return kept;
}

/**
 * The shared parts of a character-channel match as whole words: pairs of a subject word and a
 * document word that share character bigrams, by the summed rarity of what they share (冻干香蕉 /
 * 冷冻干燥 share 冻干). Single shared characters are not shown: they are weak evidence.
 */
export function gramChips(subjectWords: readonly string[], docTokens: readonly string[], stats: GramStats, max = 6): { subject: string; doc: string }[] {
  const bigrams = (w: string) => {
    const c = [...w];
    const out = new Set<string>();
    for (let i = 0; i + 1 < c.length; i++) out.add(c[i]! + c[i + 1]!);
    return out;
  };
  const docWords = [...new Set(docTokens.filter((t) => CJK_CHAR.test(t) && [...t].length >= 2))];
  const docGramsOf = docWords.map((w) => ({ w, g: bigrams(w) }));
  const pairs: { subject: string; doc: string; w: number }[] = [];
  for (const sw of new Set(subjectWords)) {
    if ([...sw].length < 2) continue;
    const sg = bigrams(sw);
    let best: { doc: string; w: number } | null = null;
    for (const { w, g } of docGramsOf) {
      let score = 0;
      for (const x of sg) if (g.has(x)) score += idf(Math.max(1, stats.n), stats.df.get(x) ?? 0);
      // the longer document word wins a tie (冷冻干燥 over 干燥)
      if (score > 0 && (!best || score > best.w || (score === best.w && w.length > best.doc.length))) best = { doc: w, w: score };
    }
    if (best) pairs.push({ subject: sw, doc: best.doc, w: best.w });
  }
  pairs.sort((a, b) => b.w - a.w);
  return dedupeChips(pairs)
    .slice(0, max)
    .map(({ subject, doc }) => ({ subject, doc }));
}
