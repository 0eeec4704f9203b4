// Ranks researchers for a need from two signals: their research results the matcher ranked for
// the need, and their expertise profile. Pure.
import { ALERT_CONFIG } from "@/lib/alerts/config";
import type { ExpertiseScore } from "@/lib/expertise/score";

export type AuthoredMatch = { resultId: string; title: string; authorId: string; score: number };
export type ResearcherCandidate = { userId: string; score: number; results: { id: string; title: string }[]; expertiseWords: string[] };

export function combineResearchers(
  results: readonly AuthoredMatch[],
  expertise: readonly ExpertiseScore[],
  cfg: { researcherWeights: { results: number; expertise: number } } = ALERT_CONFIG,
): ResearcherCandidate[] {
  const top = results.reduce((m, r) => Math.max(m, r.score), 0);
  const byUser = new Map<string, { best: number; results: { id: string; title: string }[]; share: number; words: string[] }>();
  const entry = (userId: string) => {
    let e = byUser.get(userId);
    if (!e) byUser.set(userId, (e = { best: 0, results: [], share: 0, words: [] }));
    return e;
  };
  for (const r of results) {
    const e = entry(r.authorId);
    e.best = Math.max(e.best, top > 0 ? r.score / top : 0);
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
    .map(([userId, e]) => ({ userId, score: w.results * e.best + w.expertise * Math.min(1, e.share * 3), results: e.results, expertiseWords: e.words }))
    .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
}
