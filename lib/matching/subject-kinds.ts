import "server-only";
import { prisma } from "@/lib/db";
import type { SubjectKind } from "./kinds";
import { CHALLENGE_KIND } from "./challenge-kind";
import { NEED_KIND } from "./need-kind";
import type { Match } from "./types";

/** Every kind of subject whose stored matches lib/matching keeps fresh (see kinds.ts). */
export const SUBJECT_KINDS: readonly SubjectKind[] = [NEED_KIND, CHALLENGE_KIND];

/**
 * A result was published or changed (the "match-result" job, chained after it is indexed, itself
 * queued in the writer's transaction): the subjects of every kind it matches get their stored
 * matches recomputed, so the result shows in their lists without waiting for an edit or the
 * freshness window. Returns each kind's matches (lib/alerts tells people about some of them).
 */
export async function refreshMatchesForResult(resultId: string): Promise<Map<string, Match[]>> {
  const byKind = new Map<string, Match[]>();
  const result = await prisma.result.findUnique({ where: { id: resultId }, select: { status: true } });
  // A withdrawn or deleted result leaves stored lists when they are served (recheck-snapshot.ts).
  if (result?.status !== "PUBLISHED") return byKind;
  for (const kind of SUBJECT_KINDS) {
    if (!kind.affectedByResult) {
      if (kind.liveSubjects) await kind.queueRefreshes(await kind.liveSubjects());
      continue;
    }
    const matches = await kind.affectedByResult(resultId);
    // Every subject the result matches, not only the confident ones: it may still enter a short list.
    await kind.queueRefreshes(matches.map((m) => m.id));
    byKind.set(kind.name, matches);
  }
  return byKind;
}
