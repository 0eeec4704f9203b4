// The matcher's public shapes: what is matched, what comes back. No code.
import type { CatalogFilters } from "@/lib/search/filters";
import type { Viewer } from "@/lib/search/access";
import type { MatchConfig } from "./config";
import type { Structured, SubjectText, TermPair } from "./rank";

/** What is matched: a need (looking for results) or a result (looking for needs). */
export type MatchSubject = {
  text: SubjectText;
  /** structured fields of the subject (need: trl = TRL target; result: trl = achieved TRL) */
  structured?: Structured;
};

/** The index a subject's matches are searched in. */
export type MatchTarget = "results" | "needs";

/** Why a pair matched: the shared words and the structured-field fit (StructuredFit without its
 * ranking bonus; spelled out: lib/api/response-schemas.ts checks the API schema equals it). */
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
