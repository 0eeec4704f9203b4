import "server-only";
import { prisma } from "@/lib/db";
import type { Match } from "./types";

// One figure per need-result pair. A pair is scored from the need's side (the need is the query)
// when the need's match list is computed, and from the result's side when needs are matched to a
// result (result page, researcher dashboard); the two directions do not give the same number. The
// need's stored matches are what its owner and brokers see, so wherever else the pair appears its
// figure is read from there when the need's current snapshot holds it.

export const pairKey = (needId: string, resultId: string) => `${needId}\u0000${resultId}`;

/** The calibrated scores of these pairs in the needs' current snapshots (pairs not held there are absent). */
export async function needSideScores(pairs: readonly { needId: string; resultId: string }[]): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  const needIds = [...new Set(pairs.map((p) => p.needId))];
  const resultIds = [...new Set(pairs.map((p) => p.resultId))];
  const rows = await prisma.$queryRaw<{ needId: string; resultId: string; score: number | null }[]>`
    SELECT s."needId", m->>'id' AS "resultId", (m->>'score')::float8 AS score
    FROM "NeedMatchSnapshot" s
    JOIN "Need" n ON n.id = s."needId" AND n.version = s."needVersion"
    CROSS JOIN LATERAL jsonb_array_elements(s.matches) m
    WHERE s."needId" = ANY(${needIds}::text[]) AND m->>'id' = ANY(${resultIds}::text[])`;
  return new Map(rows.filter((r) => typeof r.score === "number" && Number.isFinite(r.score)).map((r) => [pairKey(r.needId, r.resultId), r.score!]));
}

/**
 * Needs matched to one result, each with the figure its own match list shows for the result when it
 * holds it, best first. Everything else about the match is kept. Only for needs the viewer reads in
 * full (`readsInFull`): a need's list is computed from its full text, so for a viewer who sees a
 * confidential need's teaser only, the figure stays the one computed from what they may see.
 */
export async function alignNeedMatchScores<M extends Pick<Match, "id" | "score">>(
  resultId: string,
  needMatches: readonly M[],
  readsInFull: (needId: string) => boolean,
): Promise<M[]> {
  const scores = await needSideScores(needMatches.filter((m) => readsInFull(m.id)).map((m) => ({ needId: m.id, resultId })));
  if (scores.size === 0) return [...needMatches];
  return needMatches.map((m) => ({ ...m, score: scores.get(pairKey(m.id, resultId)) ?? m.score })).sort((a, b) => b.score - a.score);
}
