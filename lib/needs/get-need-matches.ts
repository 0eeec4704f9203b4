import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { matchResultsForNeed, type MatchResponse } from "@/lib/matching/matcher";
import { can, type MaybeActor } from "@/lib/policy";
import { findNeedRow } from "./get-need";
import { needFactsOf } from "./present-need";

// Matches are derived from the need's full text, so only viewers who may read it in full get them.
export async function getNeedMatches(actor: MaybeActor, needId: string, limit = 10): Promise<MatchResponse> {
  const row = await findNeedRow(actor, needId);
  if (!row || !can(actor, "need.readFull", needFactsOf(row))) throw new AppError("NOT_FOUND", "Not found");
  return (await matchResultsForNeed(prisma, needId, { viewer: actor, limit })) ?? { ok: true, matches: [] };
}
