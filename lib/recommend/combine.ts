// Ranks researchers for a need from two signals: their research results the matcher ranked for
// the need, and their expertise profile. Pure.
import { ALERT_CONFIG } from "@/lib/alerts/config";
import type { ExpertiseScore } from "@/lib/expertise/score";
import { isGoodMatch } from "@/lib/matching/calibrate";

/** `score`: the result's calibrated match score (the figure shown beside the result). */
export type AuthoredMatch = { resultId: string; title: string; authorId: string; score: number };
export type ResearcherCandidate = {
  userId: string;
  /** ranking value only (never shown: it mixes the two signals) */
  score: number;
  /** the calibrated score of the researcher's best matching result - the figure shown, the same as
   * that result's on the need's match list; null when recommended for their expertise only */
  matchScore: number | null;
  results: { id: string; title: string }[];
  expertiseWords: string[];
};

export function combineResearchers(
  results: readonly AuthoredMatch[],
  expertise: readonly ExpertiseScore[],
  cfg: { researcherWeights: { results: number; expertise: number } } = ALERT_CONFIG,
): ResearcherCandidate[] {
  const byUser = new Map<string, { best: number | null; results: { id: string; title: string }[]; share: number; words: string[] }>();
  const entry = (userId: string) => {
    let e = byUser.get(userId);
    if (!e) byUser.set(userId, (e = { best: null, results: [], share: 0, words: [] }));
    return e;
  };
  // Only results shown as matches (a good match on the calibrated scale) recommend their author:
  // the need page says "no good match yet" for the others.
  for (const r of results.filter((x) => isGoodMatch(x.score)).sort((a, b) => b.score - a.score)) {
    const e = entry(r.authorId);
    e.best = Math.max(e.best ?? 0, r.score);
    e.results.push({ id: r.resultId, title: r.title });
  }
  for (const x of expertise) {
    const e = entry(x.userId);
    e.share = Math.max(e.share, x.share);
    e.words = x.matchedWords;
  }
  // Expertise share is a fraction of the need's term weight; a third of it is already a strong
  // overlap, so it is scaled to reach 1 there.
  const w = cfg.researcherWeights;
  return [...byUser.entries()]
    .map(([userId, e]) => ({
      userId,
      score: w.results * (e.best ?? 0) + w.expertise * Math.min(1, e.share * 3),
      matchScore: e.best,
      results: e.results,
      expertiseWords: e.words,
    }))
    .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
}
