import "server-only";
import { prisma } from "@/lib/db";
import { matchNeedsForResult, type MatchResponse } from "@/lib/matching/matcher";
import type { MaybeActor } from "@/lib/policy";
import { getResult } from "./get-result";

// Needs come from the index the viewer may search: confidential needs as teasers only,
// broker-only needs for brokers and admins only.
export async function getResultMatches(actor: MaybeActor, resultId: string, limit = 10): Promise<MatchResponse> {
  await getResult(actor, resultId);
  return (await matchNeedsForResult(prisma, resultId, { viewer: actor, limit })) ?? { ok: true, matches: [] };
}
