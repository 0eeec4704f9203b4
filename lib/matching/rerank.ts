import "server-only";
import { backgroundShare, boundedScore, relevanceProbability } from "./calibrate";
import { fetchCandidatesInScope, type CandidateDoc } from "./candidates";
import type { MatchConfig } from "./config";
import { readDocFrequencies, readGramStats, type GramChannel, type IndexLengths, type StatsScope } from "./corpus-stats";
import { gramSearch } from "./gram-catalogue";
import { conceptDf, structuredQuery } from "./concepts";
import {
  bm25,
  bm25Ceiling,
  docGrams,
  gramChips,
  gramQueryOf,
  gramScore,
  mixQuery,
  prfCandidates,
  prfTerms,
  queryGrams,
  structuredFit,
  subjectChineseWords,
  subjectDocGrams,
  termDoc,
  wordChips,
  type CorpusStats,
  type GramStats,
  type QueryTerm,
  type Structured,
  type TermDoc,
} from "./rank";
import { hasCjk } from "./terms";
import type { Match, MatchSubject, MatchTarget } from "./types";

// Re-ranking of the candidates: BM25 over their analysed words (with pseudo-relevance feedback),
// the character channel for Chinese pairs, calibration into a probability of relevance, and
// structured-field bonuses; then the Match shown to people.

type Doc = { meta: CandidateDoc; td: TermDoc };
type Scored = Doc & { score: number; matched: string[] };
type Evidence = { channel: "word" | "gram"; share: number; tieBreak: number };

export type RerankInput = {
  scope: StatsScope;
  subject: MatchSubject;
  target: MatchTarget;
  queryTerms: readonly QueryTerm[];
  candidates: readonly CandidateDoc[];
  lengths: IndexLengths;
  df: Map<string, number>;
  limit: number;
  cfg: MatchConfig;
  lap: (stage: string) => void;
};

/** The candidates ranked best first, at most `limit`, as Matches. */
export async function rerankCandidates(input: RerankInput): Promise<Match[]> {
  const { scope, subject, target, queryTerms, lengths, df, limit, cfg, lap } = input;
  // The character channel (Chinese subjects over an index holding Chinese documents).
  // (A subject without Chinese text is matched on words: its Latin words alone on this channel
  // would judge Chinese documents by the English they happen to contain, not by its translations.)
  const { title, body, keywords } = subject.text;
  const chinese = hasCjk([title, body ?? "", ...(keywords ?? [])].join(" "));
  const qGrams = cfg.gram.enabled && chinese && (lengths.langs.zh ?? 0) > 0 ? queryGrams(subject.text, cfg.gram.queryTitleWeight) : new Map<string, number>();
  let gram: GramChannel | undefined;
  let candidates = input.candidates;
  if (qGrams.size) {
    gram = await readGramStats(scope, cfg, lengths.n);
    lap("gram-stats");
    candidates = await withGramCandidates(scope, candidates, qGrams, gram, cfg);
    lap("gram-search");
  }
  const gStats = gram?.stats;
  const docs: Doc[] = candidates.map((d) => ({ meta: d, td: termDoc(String(d.id), d.titleTerms ?? "", d.terms ?? "", cfg) }));
  const sampled = lengths.title * cfg.bm25.titleWeight + lengths.body;
  const avgdl = sampled > 0 ? sampled : docs.reduce((s, d) => s + d.td.len, 0) / Math.max(1, docs.length);
  // Translated words as concepts (structured translation) or as independent words.
  const structured = cfg.structuredTranslation ? structuredQuery(queryTerms) : undefined;
  const query = structured?.query ?? new Map<string, number>(queryTerms.map((t) => [t.term, t.weight]));
  for (const [key, members] of structured?.concepts ?? []) df.set(key, conceptDf(members, df));
  const stats: CorpusStats = { n: lengths.n, df, avgdl, concepts: structured?.concepts };
  let scored = rankByWords(query, docs, stats, cfg);
  lap("rank");
  const feedback = await withFeedback(scope, scored, docs, query, stats, df, cfg, lap);
  scored = feedback.scored;
  lap("rerank");

  const evidence = judgeEvidence(scored, subject, target, qGrams, gStats, bm25Ceiling(feedback.query, stats, cfg) || 1, cfg);
  return calibratedMatches(scored, evidence, subject, target, queryTerms, gStats, limit, cfg);
}

/**
 * The candidates plus the catalogue's best documents on the character channel (when the catalogue
 * is small enough to be held whole: GramChannel.catalogue) that the word searches did not find.
 */
async function withGramCandidates(
  scope: StatsScope,
  candidates: readonly CandidateDoc[],
  qGrams: ReadonlyMap<string, number>,
  gram: GramChannel,
  cfg: MatchConfig,
): Promise<readonly CandidateDoc[]> {
  if (!gram.catalogue || cfg.gram.candidates <= 0) return candidates;
  const have = new Set(candidates.map((c) => String(c.id)));
  const found = gramSearch(qGrams, gram.catalogue, gram.stats, { k1: cfg.gram.k1, b: cfg.gram.b, prior: cfg.gram.prior, limit: cfg.gram.candidates });
  const missing = found.map((f) => f.id).filter((id) => !have.has(id));
  if (missing.length === 0) return candidates;
  return [...candidates, ...(await fetchCandidatesInScope(scope, missing))];
}

/** BM25 over the candidates' analysed words, best first. */
export function rankByWords(query: ReadonlyMap<string, number>, docs: readonly Doc[], stats: CorpusStats, cfg: MatchConfig): Scored[] {
  return docs.map((d) => ({ ...d, ...bm25(query, d.td, stats, cfg) })).sort((a, b) => b.score - a.score);
}

/**
 * Pseudo-relevance feedback: the query expanded with the top documents' words (their document
 * frequencies read from the index) and the candidates ranked again. The matched words stay those
 * of the first ranking (explanations show the subject's words, not the expansion's).
 */
async function withFeedback(
  scope: StatsScope,
  scored: Scored[],
  docs: readonly Doc[],
  query: ReadonlyMap<string, number>,
  stats: CorpusStats,
  df: Map<string, number>,
  cfg: MatchConfig,
  lap: (stage: string) => void,
): Promise<{ scored: Scored[]; query: ReadonlyMap<string, number> }> {
  if (!(cfg.prf.enabled && scored.length > cfg.prf.docs && scored[0]!.score > 0)) return { scored, query };
  const top = scored.slice(0, cfg.prf.docs).map((d) => ({ doc: d.td, score: d.score }));
  const words = prfCandidates(
    top,
    docs.map((d) => d.td),
    cfg.prf.lookups,
  );
  await readDocFrequencies(scope, words, df);
  lap("prf-df");
  const expansion = prfTerms(top, (t) => df.get(t), stats.n, cfg.prf.terms, cfg.prf.temperature);
  const q2 = mixQuery(query, expansion, cfg.prf.weight);
  const firstMatched = new Map(scored.map((d) => [d.td.id, d.matched]));
  const again = docs.map((d) => ({ ...d, ...bm25(q2, d.td, stats, cfg), matched: firstMatched.get(d.td.id) ?? [] })).sort((a, b) => b.score - a.score);
  return { scored: again, query: q2 };
}

/**
 * Each document's evidence as a share of its channel's ceiling score (0..1, comparable between
 * subjects). A Chinese document matched by a Chinese subject is judged on the character channel
 * (plain words share PARTS of the technical terms, not whole words); every other pair on the word
 * channel (with translations and feedback). Matching a result to needs, each need is the query and
 * the result the document (the share is then, as in the other direction, how much of the need's
 * evidence the pair holds).
 */
function judgeEvidence(
  scored: readonly Scored[],
  subject: MatchSubject,
  target: MatchTarget,
  qGrams: ReadonlyMap<string, number>,
  gStats: GramStats | undefined,
  wordCeiling: number,
  cfg: MatchConfig,
): Evidence[] {
  const subjectAsDoc = gStats && target === "needs" ? subjectDocGrams(subject.text, cfg.bm25.titleWeight) : undefined;
  return scored.map((d) => {
    const word = d.score / wordCeiling;
    if (gStats && d.meta.lang !== "en") {
      const gram = subjectAsDoc
        ? gramScore(gramQueryOf(docGrams(d.td).tf), subjectAsDoc, gStats, cfg.gram.k1, cfg.gram.b, cfg.gram.prior)
        : gramScore(qGrams, docGrams(d.td), gStats, cfg.gram.k1, cfg.gram.b, cfg.gram.prior);
      // Fused with the word channel (CombSUM of the two shares, weight `fuse` on the words).
      const fuse = cfg.gram.fuse;
      return { channel: "gram" as const, share: fuse > 0 ? (gram + fuse * Math.min(1, word)) / (1 + fuse) : gram, tieBreak: word };
    }
    return { channel: "word" as const, share: word, tieBreak: 0 };
  });
}

/**
 * The calibrated probability of relevance (calibrate.ts; each channel against its background: how
 * its ordinary candidates score for this subject) times the structured-field bonus, best first,
 * as the Matches shown to people.
 */
function calibratedMatches(
  scored: readonly Scored[],
  evidence: readonly Evidence[],
  subject: MatchSubject,
  target: MatchTarget,
  queryTerms: readonly QueryTerm[],
  gStats: GramStats | undefined,
  limit: number,
  cfg: MatchConfig,
): Match[] {
  const sharesOf = (channel: Evidence["channel"]) =>
    evidence
      .filter((e) => e.channel === channel)
      .map((e) => e.share)
      .sort((a, b) => b - a);
  const background = { word: backgroundShare(sharesOf("word")), gram: backgroundShare(sharesOf("gram")) };
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

  return final.map(({ d, fit, e, score }) => ({
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
  }));
}
