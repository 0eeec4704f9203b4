import "server-only";
import { prisma } from "@/lib/db";
import { matchResultsForNeed } from "./matcher";
import type { MaybeActor } from "@/lib/policy";
import { requireFullAccess } from "@/lib/needs/get-need";
import { NEED_SNAPSHOT } from "./need-snapshot";
import { recheckSnapshotMatches } from "./recheck-snapshot";
import { loadNeedMatchSnapshot } from "./serve-need-snapshot";
import type { MatchResponse } from "./types";

// Matches are derived from the need's full text, so only viewers who may read it in full get them.
// Served from the need's match snapshot (at most NEED_SNAPSHOT.matches), not matched per view.
// More than the snapshot holds (the REST API allows 50) is matched live.
export async function getNeedMatches(actor: MaybeActor, needId: string, limit = 10): Promise<MatchResponse> {
  const need = await requireFullAccess(actor, needId);
  return serveNeedMatches(need, limit);
}

/**
 * A need's matches for every page that shows them in full (need page, API, broker triage): the
 * stored snapshot re-checked against the database, so the same pair shows the same calibrated
 * figure everywhere. The caller has checked that the viewer may read the need in full.
 */
export async function serveNeedMatches(need: { id: string; version: number }, limit = 10): Promise<MatchResponse> {
  if (limit > NEED_SNAPSHOT.matches) return (await matchResultsForNeed(prisma, need.id, { limit })) ?? { ok: true, matches: [] };
  const loaded = await loadNeedMatchSnapshot(need);
  if (!loaded.ok) return loaded;
  return { ok: true, matches: (await recheckSnapshotMatches(loaded.snapshot.matches)).slice(0, Math.min(limit, NEED_SNAPSHOT.matches)) };
}
