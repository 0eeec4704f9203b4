import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NeedStatus } from "@/lib/generated/prisma/enums";
import { needScopeFor, teaserFieldScopeFor, type MaybeActor } from "@/lib/policy";
import type { BrowseQuery, FacetCount, Facets } from "@/lib/browse/browse-query";
import { needRowInclude, presentNeed, type NeedView } from "./present-need";

const MODES = ["LICENCE", "ASSIGNMENT", "CO_DEVELOPMENT", "COMMISSIONED_RD", "TECHNICAL_SERVICE", "EQUITY", "CONSULTING"] as const;
const NEED_STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "SOLVED", "CLOSED", "EXPIRED"];

const ORDER: Record<BrowseQuery["sort"], Prisma.NeedOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }],
  oldest: [{ createdAt: "asc" }],
  trl: [{ trlTarget: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  budget: [{ budgetMaxCny: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  deadline: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
};

// Needs list with facets from the database (the source of truth; drafts of the viewer's own
// organisation included). Visibility is in the `where` (needScopeFor); counts cover the filtered set.
export async function browseNeeds(actor: MaybeActor, q: BrowseQuery, pageSize = 20): Promise<{ items: NeedView[]; total: number; facets: Facets }> {
  const filters: Prisma.NeedWhereInput[] = [needScopeFor(actor)];
  if (q.node) filters.push({ chainNodeId: q.node });
  else if (q.chain) filters.push({ chainNode: { chainId: q.chain } });
  if (q.field) filters.push({ field: q.field });
  // Region, TRL and modes may be hidden (a CONFIDENTIAL need's non-teaser fields): filters and
  // facet counts over them only see needs on which the viewer may see the field.
  const shows = (field: Parameters<typeof teaserFieldScopeFor>[1]) => teaserFieldScopeFor(actor, field);
  if (q.region) filters.push({ region: q.region }, shows("region"));
  if (q.trl) filters.push({ trlTarget: q.trl }, shows("trlTarget"));
  if (q.mode) filters.push({ collaborationModes: { has: q.mode } }, shows("collaborationModes"));
  if (q.status && NEED_STATUSES.includes(q.status)) filters.push({ status: q.status as NeedStatus });
  const where: Prisma.NeedWhereInput = { AND: filters };
  const [rows, total, byNode, byField, byRegion, byTrl, byStatus, modeCounts] = await Promise.all([
    prisma.need.findMany({ where, include: needRowInclude(actor), orderBy: ORDER[q.sort], skip: (q.page - 1) * pageSize, take: pageSize }),
    prisma.need.count({ where }),
    prisma.need.groupBy({ by: ["chainNodeId"], where, _count: { _all: true } }),
    prisma.need.groupBy({ by: ["field"], where, _count: { _all: true }, orderBy: { _count: { field: "desc" } }, take: 15 }),
    prisma.need.groupBy({ by: ["region"], where: { AND: [where, shows("region")] }, _count: { _all: true }, orderBy: { _count: { region: "desc" } }, take: 15 }),
    prisma.need.groupBy({ by: ["trlTarget"], where: { AND: [where, shows("trlTarget")] }, _count: { _all: true } }),
    prisma.need.groupBy({ by: ["status"], where, _count: { _all: true } }),
    Promise.all(MODES.map((m) => prisma.need.count({ where: { AND: [where, shows("collaborationModes"), { collaborationModes: { has: m } }] } }))),
  ]);
  const items = rows.map((r) => presentNeed(actor, r)).filter((v): v is NeedView => v !== null);
  const facets: Facets = {
    ...(await chainFacets(byNode.map((g) => ({ value: g.chainNodeId, count: g._count._all })))),
    field: counted(byField.map((g) => ({ value: g.field, count: g._count._all }))),
    region: counted(byRegion.map((g) => ({ value: g.region, count: g._count._all }))),
    trl: counted(byTrl.map((g) => ({ value: g.trlTarget?.toString() ?? null, count: g._count._all }))).sort((a, b) => Number(a.value) - Number(b.value)),
    status: counted(byStatus.map((g) => ({ value: g.status, count: g._count._all }))),
    mode: MODES.map((m, i) => ({ value: m, count: modeCounts[i]! })).filter((m) => m.count > 0),
  };
  return { items, total, facets };
}

export function counted(list: { value: string | null; count: number }[]): FacetCount[] {
  return list.filter((x): x is FacetCount => x.value !== null && x.value !== "");
}

/** Node counts, and chain counts summed from them through the taxonomy in the database. */
export async function chainFacets(byNode: { value: string | null; count: number }[]): Promise<Pick<Facets, "chain" | "node">> {
  const node = counted(byNode);
  const nodes = await prisma.chainNode.findMany({ where: { id: { in: node.map((n) => n.value) } }, select: { id: true, chainId: true } });
  const chainOf = new Map(nodes.map((n) => [n.id, n.chainId]));
  const chains = new Map<string, number>();
  for (const n of node) {
    const c = chainOf.get(n.value);
    if (c) chains.set(c, (chains.get(c) ?? 0) + n.count);
  }
  return { node: node.sort((a, b) => b.count - a.count), chain: [...chains].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count) };
}
