import { GOOD_MATCH_THRESHOLD } from "@/lib/matching/calibrate";
import { ALERT_CONFIG } from "./config";

type Scored = { score: number; explanation: { matchedTerms: readonly unknown[] } };

/**
 * The matches confident enough to tell someone about: a good match on the calibrated scale (the
 * threshold below which pages say "no good match yet"), enough shared key terms and a score close
 * enough to the event's best match. Matches arrive best first; order is kept. Pure.
 */
export function confidentMatches<M extends Scored>(
  matches: readonly M[],
  cfg: { minMatchedTerms: number; minRelativeScore: number; minScore?: number } = ALERT_CONFIG,
): M[] {
  const top = matches.reduce((best, m) => Math.max(best, m.score), 0);
  if (top <= 0) return [];
  const min = cfg.minScore ?? GOOD_MATCH_THRESHOLD;
  return matches.filter((m) => m.score >= min && m.explanation.matchedTerms.length >= cfg.minMatchedTerms && m.score >= top * cfg.minRelativeScore);
}
