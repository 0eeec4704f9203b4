import "server-only";
import { prisma } from "@/lib/db";
import { matchResultsForNeed } from "@/lib/matching/matcher";
import { requireFullAccess } from "@/lib/needs/get-need";
import { matchOrEmpty } from "@/lib/alerts/match-safely";
import type { MaybeActor } from "@/lib/policy";
import { rankResearchers, type ResearcherMatch } from "./rank-researchers";

export type ResearchersResponse = { ok: true; researchers: ResearcherMatch[] } | { ok: false; reason: "unavailable" };

/** Researchers recommended for a need (its results' authors and matching expertise profiles). */
export async function getNeedResearchers(actor: MaybeActor, needId: string, limit = 5): Promise<ResearchersResponse> {
  // Derived from the need's full text: only for viewers who may read it in full (404 otherwise).
  // Not getNeed: its summary view is a teaser for every CONFIDENTIAL need, owners included.
  await requireFullAccess(actor, needId);
  const matches = await matchOrEmpty(() => matchResultsForNeed(prisma, needId, { viewer: actor, limit: 30 }));
  if (matches && !matches.ok) return { ok: false, reason: "unavailable" };
  const row = await prisma.need.findUniqueOrThrow({ where: { id: needId }, select: { title: true, teaser: true, description: true, keywords: true, organisationId: true } });
  const subject = { title: row.title, body: [row.teaser, row.description].filter(Boolean).join("\n"), keywords: row.keywords };
  return { ok: true, researchers: await rankResearchers(subject, matches?.matches ?? [], { limit, excludeOrganisationId: row.organisationId }) };
}
