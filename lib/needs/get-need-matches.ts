import "server-only";
import { prisma } from "@/lib/db";
import { matchResultsForNeed, type MatchResponse } from "@/lib/matching/matcher";
import type { MaybeActor } from "@/lib/policy";
import { requireFullAccess } from "./get-need";

// Matches are derived from the need's full text, so only viewers who may read it in full get them.
export async function getNeedMatches(actor: MaybeActor, needId: string, limit = 10): Promise<MatchResponse> {
  await requireFullAccess(actor, needId);
  return (await matchResultsForNeed(prisma, needId, { viewer: actor, limit })) ?? { ok: true, matches: [] };
}
