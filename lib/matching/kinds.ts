import "server-only";
import type { Match } from "./types";

// THE entry point for a kind of subject whose matches lib/matching computes, stores, serves and
// refreshes (today needs; next challenges and instruments). A new kind:
//   1. turns its row into a MatchSubject (add `<kind>MatchSubject` to subjects.ts);
//   2. copies need-kind.ts: `affectedByResult` finds the subjects whose stored
//      matches a newly published or changed result may belong in, `queueRefreshes` queues the
//      recomputation of their stored matches (one pending job per subject: jobKey);
//   3. stores and serves its matches like need-snapshot.ts / serve-need-snapshot.ts (a snapshot per
//      subject version, recomputed by a job, re-checked against the database when served), or, for
//      a page viewed rarely, matches live and caches like result-matches.ts;
//   4. is added to SUBJECT_KINDS in subject-kinds.ts.
// The "match-result" job then refreshes its snapshots too (refreshMatchesForResult). Whom to tell
// about a match is lib/alerts's business, never this folder's.

export type SubjectKind = {
  /** the kind's name (logs, job keys) */
  name: string;
  /**
   * The subjects of this kind a published or changed result matches (best first; every one the
   * platform holds, whoever may see it: the list only decides which stored matches to refresh).
   * Search being down throws (the job is retried).
   */
  affectedByResult?: (resultId: string) => Promise<Match[]>;
  /**
   * For a kind the matcher cannot search (challenges: results are matched to results and needs,
   * not to calls): every live subject, all recomputed when a result is published. Only for kinds
   * whose live subjects are few (open calls), never for needs.
   */
  liveSubjects?: () => Promise<string[]>;
  /** Queues the recomputation of these subjects' stored matches; returns how many were queued. */
  queueRefreshes: (ids: readonly string[]) => Promise<number>;
};
