import "server-only";
import { prisma } from "@/lib/db";
import { matchNeedsForResult, type MatchResponse } from "@/lib/matching/matcher";
import { recheckNeedHits } from "@/lib/needs/recheck-need-hits";
import type { MaybeActor } from "@/lib/policy";
import { getResult } from "./get-result";

// Needs come from the index the viewer may search: confidential needs as teasers only,
// broker-only needs for brokers and admins only. Every need is then re-checked against the
// database (the index is never the authority on confidentiality).
export async function getResultMatches(actor: MaybeActor, resultId: string, limit = 10): Promise<MatchResponse> {
  await getResult(actor, resultId);
  const response = (await matchNeedsForResult(prisma, resultId, { viewer: actor, limit })) ?? { ok: true, matches: [] };
  if (!response.ok) return response;
  const views = await recheckNeedHits(actor, response.matches.map((m) => ({ id: m.id, version: m.version })));
  return {
    ok: true,
    matches: response.matches.flatMap((m) => {
      const view = views.get(m.id);
      return view ? [{ ...m, title: view.title, field: view.field, trl: view.trlTarget, organisationName: view.organisation?.name ?? null }] : [];
    }),
  };
}
