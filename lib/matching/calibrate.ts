// Calibrated match scores: the probability that a match is relevant, read from need-independent
// evidence (a channel's BM25 score as a share of the best score the subject could reach, and how
// far it stands out of the subject's other candidates - never "the best candidate is 100%")
// through a logistic curve fitted on the benchmark judgments (bench/match.ts with BENCH_DUMP,
// then bench/calibrate.ts). The same scale for every need, never above MAX_PROBABILITY, and the one
// figure shown wherever a match appears. Pure.
import { MATCH_CONFIG, type MatchConfig } from "./config";

/** No match is ever certain: the displayed figure stops short of 100%. */
export const MAX_PROBABILITY = 0.95;

/** Below this probability a match is not shown as a match ("no good match yet"). */
export const GOOD_MATCH_THRESHOLD = 0.2;

/** Ranks (0-based, end exclusive) of the candidates whose mean share is a subject's background. */
export const BACKGROUND_RANKS = [10, 20] as const;

/**
 * The background evidence of a subject on one channel: the mean share of its candidates ranked
 * 11-20 (shares sorted best first), or undefined when there are too few candidates to tell.
 */
export function backgroundShare(sharesBestFirst: readonly number[]): number | undefined {
  const bg = sharesBestFirst.slice(BACKGROUND_RANKS[0], BACKGROUND_RANKS[1]).filter((s) => s > 0);
  return bg.length >= 5 ? bg.reduce((a, b) => a + b, 0) / bg.length : undefined;
}

/**
 * The fitted curve: P(relevant) from a match's share of the best reachable score and its lift
 * over the subject's background (log(share / background); the typical background when the
 * subject has too few candidates to measure one). Unbounded by MAX_PROBABILITY (ranking uses
 * it: no ties at the cap). Increasing in the share for a given subject.
 */
export function relevanceProbability(channel: "word" | "gram", share: number, background: number | undefined, cfg: MatchConfig = MATCH_CONFIG): number {
  if (!(share > 0)) return 0;
  const k = cfg.calibration[channel];
  const lift = Math.log(share / Math.max(1e-6, background ?? k.background));
  return 1 / (1 + Math.exp(-(k.share * share + k.lift * lift + k.bias)));
}

/** A ranking value as the displayed score: never above MAX_PROBABILITY. */
export const boundedScore = (p: number): number => Math.max(0, Math.min(MAX_PROBABILITY, p));

/** Whether a calibrated score is good enough to be shown as a match. */
export const isGoodMatch = (score: number): boolean => score >= GOOD_MATCH_THRESHOLD;

/** A calibrated score as a whole percentage for display (0-95). */
export const scorePercent = (score: number): number => Math.round(Math.max(0, Math.min(MAX_PROBABILITY, score)) * 100);

/** Whether stored matches carry calibrated scores and readable chips (snapshots from before do not). */
export function hasCalibratedMatches(matches: readonly unknown[]): boolean {
  return matches.every((m) => {
    const x = m as { evidence?: unknown; explanation?: { matchedTerms?: { needTerm?: unknown }[] } } | null;
    return !!x && typeof x.evidence === "object" && (x.explanation?.matchedTerms ?? []).every((t) => typeof t?.needTerm === "string");
  });
}
