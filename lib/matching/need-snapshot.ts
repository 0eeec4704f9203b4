import "server-only";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { rankResearchers, type ResearcherMatch } from "@/lib/recommend/rank-researchers";
import { SearchUnavailableError } from "@/lib/search/client";
import { matchesOrThrow, matchOrEmpty } from "./match-safely";
import { matchSubject } from "./matcher";
import { needMatchSubject, type NeedSubjectRow } from "./subjects";
import type { Match } from "./types";

// A need's matches are computed in the background (match-need, refresh-need-matches jobs) or, when
// there is no snapshot for the need's current version, once by the first viewer; every other view
// reads the stored snapshot (serve-need-snapshot.ts). Results are public and the
// results index is the same for every viewer, so one snapshot serves every viewer who may read the
// need in full; who that is stays the caller's check (requireFullAccess).
export const NEED_SNAPSHOT = {
  /** Matches kept (the need page shows 10; the rest cover results unpublished since). */
  matches: 30,
  /** Researchers kept (the page shows 5; the rest cover researchers dropped when served). */
  researchers: 10,
  /** A snapshot older than this is still served, and a refresh job is queued. */
  freshForMs: 10 * 60_000,
} as const;

export type NeedMatchSnapshotData = { needVersion: number; computedAt: Date; matches: Match[]; researchers: ResearcherMatch[] };
export type NeedSnapshotOutcome = { ok: true; snapshot: NeedMatchSnapshotData } | { ok: false; reason: "unavailable" };
export type NeedForSnapshot = NeedSubjectRow & { id: string; version: number; organisationId: string };

const needForSnapshot = (needId: string) => prisma.need.findUnique({ where: { id: needId }, include: { chainNode: { select: { chainId: true } } } });

/**
 * Matches the need as it is now and stores the snapshot. Null when the need is gone; "unavailable"
 * (nothing stored) when Meilisearch cannot be reached.
 */
export async function computeNeedMatchSnapshot(needId: string): Promise<NeedSnapshotOutcome | null> {
  const need = await needForSnapshot(needId);
  if (!need) return null;
  const response = await matchOrEmpty(() => matchSubject(needMatchSubject(need), "results", { limit: NEED_SNAPSHOT.matches }));
  if (response && !response.ok) return response;
  return { ok: true, snapshot: await saveNeedMatchSnapshot(need, response?.matches ?? []) };
}

/**
 * For the "match-need" job: the need's full-text matches, at least `atLeast` of them (best first),
 * computed once and stored as its snapshot. Search down throws (the job is retried); an empty or
 * missing index gives none.
 */
export async function matchAndStoreNeed(need: NeedForSnapshot, atLeast: number): Promise<Match[]> {
  // One matcher run serves the caller and the snapshot (the limit only cuts the ranked list, so
  // the shorter list is the longer one's head).
  const ranked = await matchesOrThrow("results", () => matchSubject(needMatchSubject(need), "results", { limit: Math.max(atLeast, NEED_SNAPSHOT.matches) }));
  await saveNeedMatchSnapshot(need, ranked);
  return ranked;
}

/**
 * Ranks the researchers for `matches` (the need's full-text matches, best first) and stores both as
 * the snapshot of the need's version `need.version`. Returns what was computed, stored or not.
 */
export async function saveNeedMatchSnapshot(need: NeedForSnapshot, matches: readonly Match[]): Promise<NeedMatchSnapshotData> {
  const top = matches.slice(0, NEED_SNAPSHOT.matches);
  const researchers = await rankResearchers(needMatchSubject(need).text, top, { limit: NEED_SNAPSHOT.researchers, excludeOrganisationId: need.organisationId });
  const computedAt = new Date();
  // Stored only while the need is still at the version the matches were computed from (an edit
  // meanwhile must not be overwritten by stale matches: the next view or job recomputes), and never
  // over a snapshot of a newer version.
  await prisma.$executeRaw`
    INSERT INTO "NeedMatchSnapshot" ("needId", "needVersion", "computedAt", "matches", "researchers")
    SELECT n.id, n.version, ${computedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${JSON.stringify(top)}::jsonb, ${JSON.stringify(researchers)}::jsonb
    FROM "Need" n WHERE n.id = ${need.id} AND n.version = ${need.version}
    ON CONFLICT ("needId") DO UPDATE SET
      "needVersion" = EXCLUDED."needVersion", "computedAt" = EXCLUDED."computedAt",
      "matches" = EXCLUDED."matches", "researchers" = EXCLUDED."researchers"
    WHERE "NeedMatchSnapshot"."needVersion" <= EXCLUDED."needVersion"`;
  return { needVersion: need.version, computedAt, matches: top, researchers };
}

/**
 * Job "refresh-need-matches": recomputes a snapshot that was served past its freshness window (the
 * catalogue moved on), or, with `force`, one that a newly published or changed result may belong
 * in. Without `force` it is skipped when another run made it fresh meanwhile; Meilisearch being
 * down throws, so the job is retried once it is back.
 */
export async function refreshNeedMatchSnapshot(needId: string, opts: { force?: boolean } = {}): Promise<void> {
  const [need, current] = await Promise.all([
    prisma.need.findUnique({ where: { id: needId }, select: { version: true } }),
    prisma.needMatchSnapshot.findUnique({ where: { needId }, select: { needVersion: true, computedAt: true } }),
  ]);
  if (!need) return;
  const fresh = current && current.needVersion === need.version && Date.now() - current.computedAt.getTime() < NEED_SNAPSHOT.freshForMs;
  if (fresh && !opts.force) return;
  const outcome = await computeNeedMatchSnapshot(needId);
  if (outcome && !outcome.ok) throw new SearchUnavailableError();
}

/**
 * A result was published or changed and matches these needs: their stored snapshots are
 * recomputed in the background, so the result shows in their lists without waiting for the
 * freshness window. Needs without a snapshot are left alone (their first view computes one). One
 * pending job per need: a burst of results refreshes each need once (the job key coalesces them).
 */
export async function queueSnapshotRefreshes(needIds: readonly string[]): Promise<number> {
  if (needIds.length === 0) return 0;
  const stored = await prisma.needMatchSnapshot.findMany({ where: { needId: { in: [...new Set(needIds)] } }, select: { needId: true } });
  if (stored.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    for (const { needId } of stored) await enqueueJob(tx, "refresh-need-matches", { needId, force: true }, { jobKey: `refresh-need-matches:${needId}` });
  });
  return stored.length;
}
