import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { can, needScopeFor, type MaybeActor } from "@/lib/policy";
import { needFactsOf, needRowInclude, presentNeed, type NeedRow, type NeedView } from "./present-need";

// The need as this viewer may know it, with their grant and reveal loaded in the same query.
// Another organisation's hidden need is simply not found (404, not 403).
// Read once per page render and viewer (React `cache`: keyed by the actor object, which
// getCurrentActor gives once per request, and the id): a need's page asks for it from its body
// (viewNeed), the access state, its matches, its researchers and its instruments box (its metadata
// reads it as an anonymous visitor: a separate entry, null actor). Outside a render (route
// handlers, server actions, jobs) `cache` does not memoise: every call reads.
export const findNeedRow = cache(async (actor: MaybeActor, needId: string): Promise<NeedRow | null> => {
  return prisma.need.findFirst({
    where: { AND: [{ id: needId }, needScopeFor(actor)] },
    include: needRowInclude(actor),
  });
});

// The need's summary (confidential needs as their teaser, for everyone): for lists and for
// access checks. The audited full read is viewNeed (lib/needs/view-need.ts).
export async function getNeed(actor: MaybeActor, needId: string): Promise<NeedView> {
  const row = await findNeedRow(actor, needId);
  const view = row ? presentNeed(actor, row) : null;
  if (!view) throw notFound();
  return view;
}

// For work derived from the full text (matching): 404 unless the viewer may read it in full
// ("need.matches": members only, never an anonymous visitor of a public need).
export async function requireFullAccess(actor: MaybeActor, needId: string): Promise<NeedRow> {
  const row = await findNeedRow(actor, needId);
  if (!row || !can(actor, "need.matches", needFactsOf(row))) throw notFound();
  return row;
}
