import "server-only";
import { requireFullAccess } from "@/lib/needs/get-need";
import { recheckSnapshotResearchers } from "@/lib/matching/recheck-snapshot";
import { loadNeedMatchSnapshot } from "@/lib/matching/serve-need-snapshot";
import type { MaybeActor } from "@/lib/policy";
import type { ResearcherMatch } from "./rank-researchers";

export type ResearchersResponse = { ok: true; researchers: ResearcherMatch[] } | { ok: false; reason: "unavailable" };

/**
 * Researchers recommended for a need (its results' authors and matching expertise profiles), from
 * the need's match snapshot.
 */
export async function getNeedResearchers(actor: MaybeActor, needId: string, limit = 5): Promise<ResearchersResponse> {
  // Derived from the need's full text: only for viewers who may read it in full (404 otherwise).
  // Not getNeed: its summary view is a teaser for every CONFIDENTIAL need, owners included.
  const need = await requireFullAccess(actor, needId);
  const loaded = await loadNeedMatchSnapshot(need);
  if (!loaded.ok) return loaded;
  return { ok: true, researchers: (await recheckSnapshotResearchers(loaded.snapshot.researchers, need.organisationId)).slice(0, limit) };
}
