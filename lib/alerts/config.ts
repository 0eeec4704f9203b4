// Who is told about a match, and how researchers are ranked for a need: every threshold and
// weight of the delivery side in one place (the ranking itself is lib/matching/config.ts).
export const ALERT_CONFIG = {
  /** Matches fetched from the matcher per event (then filtered by confidence). */
  candidates: 20,
  /** A match is worth a notification when it shares at least this many key terms... */
  minMatchedTerms: 2,
  /** ...and scores at least this share of the best match of the same event... */
  minRelativeScore: 0.3,
  /**
   * ...and at least this calibrated score. Lower than the pages' "good match" threshold on purpose:
   * the calibration was fitted on benchmarks with ONE relevant paper per need (a prior of 1 in
   * 1,000), so it reads clearly fitting pairs of the product (several results can answer one need)
   * as 2-5%; until it is recalibrated on judgments with that prior (issue 13), a floor this low
   * keeps owners and researchers told about such pairs while dropping matches on no evidence.
   */
  minScore: 0.02,
  /** At most this many researchers hear about one need, and need owners about one result. */
  maxRecipientsPerEvent: 20,
  /** A need's owner hears about at most this many results when the need is published. */
  maxResultsForNeedOwner: 5,
  /** Expertise profiles: share of the subject's term weight the profile must cover. */
  expertise: { minMatchedTerms: 2, minShare: 0.05 },
  /** Researcher ranking for a need: best matching result vs expertise profile. */
  researcherWeights: { results: 0.6, expertise: 0.4 },
  /** Saved-search alerts: newest hits checked per saved search, and the debounce after a write. */
  savedSearchHits: 20,
  savedSearchDebounceMs: 5_000,
} as const;

export type AlertConfig = typeof ALERT_CONFIG;
