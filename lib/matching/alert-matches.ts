import "server-only";
import type { Viewer } from "@/lib/search/access";
import { needsIndexFor } from "@/lib/search/access";
import { prisma } from "@/lib/db";
import { matchesOrThrow } from "./match-safely";
import { matchNeedsForResult, matchSubject } from "./matcher";
import type { Match, MatchSubject } from "./types";

// Matches computed for jobs that tell people (lib/alerts decides whom): search down throws, so the
// job is retried; an empty or missing index gives none.

/** The needs a result matches among those `viewer` may find (confidential ones by their teaser). */
export function needsMatchingResult(resultId: string, viewer: NonNullable<Viewer>, limit: number): Promise<Match[]> {
  return matchesOrThrow(needsIndexFor(viewer), () => matchNeedsForResult(prisma, resultId, { viewer, limit }));
}

/** The results matching what researchers may see of a need (researcherVisibleSubject). */
export function resultsMatchingVisibleNeed(visible: MatchSubject, limit: number): Promise<Match[]> {
  return matchesOrThrow("results", () => matchSubject(visible, "results", { limit }));
}
