import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, needScopeFor, resultScopeFor, type MaybeActor } from "@/lib/policy";
import { listNeeds } from "@/lib/needs/list-needs";
import type { NeedView } from "@/lib/needs/present-need";
import { listResults } from "@/lib/results/list-results";
import { sharedByAnonymous } from "./shared-by-anonymous";
import type { ResultView } from "@/lib/results/present-result";

export type ChainSummary = { id: string; nameZh: string; nameEn: string; openNeeds: number };
export type HomeCatalogue = {
  counts: { needs: number; results: number; chains: number };
  newestNeeds: NeedView[];
  newestResults: ResultView[];
  chains: ChainSummary[];
};

const OPEN_STATUSES = ["PUBLISHED", "IN_PROGRESS"] as const;

/**
 * What the home page shows a viewer (anonymous visitors included): live counts, the newest needs
 * and results, and the industry chains with their open needs. Every number and row comes through
 * the viewer's scopes (needScopeFor / resultScopeFor) and presenters, so a need the viewer may
 * not discover is neither listed nor counted, and a CONFIDENTIAL one appears as its teaser.
 */
export async function getHomeCatalogue(actor: MaybeActor, opts: { newest?: number } = {}): Promise<HomeCatalogue> {
  if (!can(actor, "catalog.browse")) throw new AppError("FORBIDDEN");
  const take = opts.newest ?? 6;
  // Anonymous visitors all see the same: computed once until the index changes (~7 queries over
  // the whole catalogue per view otherwise).
  return sharedByAnonymous(actor, "home-catalogue", String(take), () => readHomeCatalogue(actor, take));
}

async function readHomeCatalogue(actor: MaybeActor, take: number): Promise<HomeCatalogue> {
  const open = { AND: [needScopeFor(actor), { status: { in: [...OPEN_STATUSES] } }] };
  const [needs, results, byNode, chains] = await Promise.all([
    listNeeds(actor, { pageSize: take }),
    listResults(actor, { pageSize: take }),
    prisma.need.groupBy({ by: ["chainNodeId"], where: { AND: [open, { chainNodeId: { not: null } }] }, _count: { _all: true } }),
    prisma.industryChain.findMany({ orderBy: { sort: "asc" }, select: { id: true, nameZh: true, nameEn: true, nodes: { select: { id: true } } } }),
  ]);
  const perNode = new Map(byNode.map((r) => [r.chainNodeId!, r._count._all]));
  const chainSummaries = chains.map((c) => ({
    id: c.id,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    openNeeds: c.nodes.reduce((sum, n) => sum + (perNode.get(n.id) ?? 0), 0),
  }));
  const openNeeds = await prisma.need.count({ where: open });
  return {
    counts: { needs: openNeeds, results: results.total, chains: chains.length },
    newestNeeds: needs.items,
    newestResults: results.items,
    chains: chainSummaries,
  };
}

/**
 * The pages an anonymous visitor may open, for sitemap.xml: needs and results as
 * needScopeFor(null) / resultScopeFor(null) decide (never BROKER_ONLY, never a draft).
 */
export async function listPublicPages(limit = 10_000): Promise<{ needs: { id: string; updatedAt: Date }[]; results: { id: string; updatedAt: Date }[] }> {
  const [needs, results] = await Promise.all([
    prisma.need.findMany({ where: needScopeFor(null), select: { id: true, updatedAt: true }, orderBy: { updatedAt: "desc" }, take: limit }),
    prisma.result.findMany({ where: resultScopeFor(null), select: { id: true, updatedAt: true }, orderBy: { updatedAt: "desc" }, take: limit }),
  ]);
  return { needs, results };
}
