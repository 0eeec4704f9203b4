import "server-only";
import { cache } from "react";
import { hasCalibratedMatches } from "./calibrate";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/logger";
import type { Match } from "./matcher";
import type { ResearcherMatch } from "@/lib/recommend/rank-researchers";
import { singleFlight } from "@/lib/single-flight";
import { computeNeedMatchSnapshot, NEED_SNAPSHOT, type NeedMatchSnapshotData, type NeedSnapshotOutcome } from "./need-snapshot";

// Views of one need that find no usable snapshot share one computation per process (the need page
// asks twice per view, for its matches and its researchers; a newly edited need gets many views).
const computeOnce = singleFlight<NeedSnapshotOutcome | null>();

/**
 * The stored snapshot of the need's matches, if it was computed from the need's current version;
 * otherwise computed now and stored. A snapshot past its freshness window is served and a refresh
 * job queued (one per need: repeated views coalesce on the job key). The caller must have checked
 * that the viewer may read the need in full (requireFullAccess, which returns `need`).
 */
export async function loadNeedMatchSnapshot(need: { id: string; version: number }): Promise<NeedSnapshotOutcome> {
  return loadOncePerRender(need.id, need.version);
}

// Once per page render and need version (React `cache`; no memoisation outside a render): the need
// page's matches and researchers come from the same snapshot row.
const loadOncePerRender = cache(async (needId: string, needVersion: number): Promise<NeedSnapshotOutcome> => {
  const need = { id: needId, version: needVersion };
  const row = await prisma.needMatchSnapshot.findUnique({ where: { needId: need.id } });
  // A snapshot stored before scores were calibrated (no `evidence`, chips as stems; researchers
  // without their best result's calibrated score) is recomputed.
  const current =
    row &&
    row.needVersion === need.version &&
    Array.isArray(row.matches) &&
    Array.isArray(row.researchers) &&
    hasCalibratedMatches(row.matches) &&
    row.researchers.every((r) => !!r && typeof r === "object" && "matchScore" in r);
  if (row && current) {
    if (Date.now() - row.computedAt.getTime() > NEED_SNAPSHOT.freshForMs) await requestRefresh(need.id);
    const snapshot: NeedMatchSnapshotData = {
      needVersion: row.needVersion,
      computedAt: row.computedAt,
      matches: row.matches as unknown as Match[],
      researchers: row.researchers as unknown as ResearcherMatch[],
    };
    return { ok: true, snapshot };
  }
  // A need deleted meanwhile has no matches.
  return (
    (await computeOnce(`${need.id}:${need.version}`, () => computeNeedMatchSnapshot(need.id))) ?? {
      ok: true,
      snapshot: { needVersion: need.version, computedAt: new Date(), matches: [], researchers: [] },
    }
  );
});

// The snapshot is still right for the need; failing to queue its refresh must not fail the page.
async function requestRefresh(needId: string): Promise<void> {
  try {
    await enqueueJob(prisma, "refresh-need-matches", { needId }, { jobKey: `refresh-need-matches:${needId}` });
  } catch (err) {
    logger.warn({ err, needId }, "could not queue the refresh of a need's match snapshot");
  }
}
