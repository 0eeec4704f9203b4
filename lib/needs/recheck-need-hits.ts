import "server-only";
import { prisma } from "@/lib/db";
import { can, needScopeFor, type MaybeActor } from "@/lib/policy";
import type { Viewer } from "@/lib/search/access";
import { needFactsOf, needRowInclude, presentNeed, type NeedView } from "./present-need";

export type IndexedNeedHit = { id: string; version: number | null };

// The search index is only a way to FIND needs, never the authority on what a viewer may see:
// every need hit is re-read from the database with the viewer's scope and grant, and presented
// like a list item (confidential needs as teasers). A hit whose index document is older than the
// row and which the viewer may not read in full is dropped: its stale document may have matched
// on text that is no longer public (e.g. just after a need was made confidential).
//
// A broker searches the broker index (full text of every need) but acts for the owner only of some
// needs (rules.ts). The ids of the other non-PUBLIC hits go into `publicOnly`: the caller must
// confirm them against what a researcher could find (the public index), or drop them, so that
// neither a hit nor its snippet comes from text the broker may not read.
export async function recheckNeedHits(viewer: Viewer, hits: readonly IndexedNeedHit[], publicOnly?: Set<string>): Promise<Map<string, NeedView>> {
  const actor = policyActorOf(viewer);
  const ids = [...new Set(hits.map((h) => h.id))];
  if (ids.length === 0) return new Map();
  const rows = await prisma.need.findMany({ where: { AND: [{ id: { in: ids } }, needScopeFor(actor)] }, include: needRowInclude(actor) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, NeedView>();
  for (const hit of hits) {
    const row = byId.get(hit.id);
    const view = row ? presentNeed(actor, row) : null;
    if (!row || !view) continue;
    const stale = hit.version !== row.version;
    if (stale && view.access !== "full") continue;
    out.set(hit.id, view);
    if (publicOnly && actor?.role === "BROKER" && row.visibility !== "PUBLIC") {
      const facts = needFactsOf(row);
      if (!(can(actor, "need.readFull", facts) && can(actor, "need.seeOwner", facts))) publicOnly.add(hit.id);
    }
  }
  return out;
}

// Search callers pass the acting user (an Actor satisfies Viewer); the rules read only id,
// role and organisation.
function policyActorOf(viewer: Viewer): MaybeActor {
  if (!viewer) return null;
  return {
    id: viewer.id ?? "",
    role: viewer.role,
    organisationId: viewer.organisationId,
    isOrgAdmin: false,
    email: "",
    name: null,
    brokerPortfolio: viewer.brokerPortfolio ?? null,
  };
}
