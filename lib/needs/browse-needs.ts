import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NeedStatus } from "@/lib/generated/prisma/enums";
import { needScopeFor, needSummaryFieldScopeFor, teaserFieldScopeFor, type MaybeActor } from "@/lib/policy";
import { facetWhere, type FacetFilters, type FacetKey } from "@/lib/browse/facet-where";
import { FACET_KEYS, type BrowseQuery, type FacetCount, type Facets } from "@/lib/browse/browse-query";
import { sharedByAnonymous } from "@/lib/catalog/shared-by-anonymous";
import { COLLABORATION_MODES } from "@/lib/validation/enums";
import { needRowInclude, presentNeed, type NeedView } from "./present-need";

const NEED_STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "SOLVED", "CLOSED", "EXPIRED"];

type SortedField = "trlTarget" | "budgetMaxCny" | "deadline";
const SORTS: Record<BrowseQuery["sort"], { by?: SortedField; order: Prisma.NeedOrderByWithRelationInput[] }> = {
  newest: { order: [{ createdAt: "desc" }] },
  oldest: { order: [{ createdAt: "asc" }] },
  trl: { by: "trlTarget", order: [{ trlTarget: "desc" }, { createdAt: "desc" }] },
  budget: { by: "budgetMaxCny", order: [{ budgetMaxCny: "desc" }, { createdAt: "desc" }] },
  deadline: { by: "deadline", order: [{ deadline: "asc" }, { createdAt: "desc" }] },
};

// Needs list with facets from the database (the source of truth; drafts of the viewer's own
// organisation included). Visibility is in the `where` (needScopeFor). Facet counts are
// disjunctive: a facet's counts apply every chosen filter but its own, so the other values of a
// chosen facet stay visible with the number of needs each would give.
export async function browseNeeds(actor: MaybeActor, q: BrowseQuery, pageSize = 20): Promise<{ items: NeedView[]; total: number; facets: Facets }> {
  // Region, TRL and modes may be hidden (a CONFIDENTIAL need's non-teaser fields): filters and
  // facet counts over them only see needs on which the viewer may see the field.
  const shows = (field: Parameters<typeof teaserFieldScopeFor>[1]) => teaserFieldScopeFor(actor, field);
  const filters: FacetFilters<Prisma.NeedWhereInput> = {
    chain: q.chain ? [{ chainNode: { chainId: q.chain } }] : [],
    node: q.node ? [{ chainNodeId: q.node }] : [],
    field: q.field ? [{ field: q.field }] : [],
    region: q.region ? [{ region: q.region }, shows("region")] : [],
    trl: q.trl ? [{ trlTarget: q.trl }, shows("trlTarget")] : [],
    mode: q.mode ? [{ collaborationModes: { has: q.mode } }, shows("collaborationModes")] : [],
    status: q.status && NEED_STATUSES.includes(q.status) ? [{ status: q.status as NeedStatus }] : [],
  };
  const where = (...except: FacetKey[]) => facetWhere(needScopeFor(actor), filters, except);
  const all = where();
  // Total and facet counts (~14 queries over the viewer's whole scope): for anonymous visitors
  // computed once per filter set until the index changes (lib/catalog/shared-by-anonymous.ts).
  const [page, { total, facets }] = await Promise.all([
    findPage(actor, all, q, pageSize),
    sharedByAnonymous(actor, "need-facets", facetKey(q), () => needCounts(all, where, shows)),
  ]);
  const items = page.map((r) => presentNeed(actor, r)).filter((v): v is NeedView => v !== null);
  return { items, total, facets };
}

/** The facet filters of a list query (what its counts depend on, besides the viewer). */
export function facetKey(q: BrowseQuery): string {
  return JSON.stringify(FACET_KEYS.map((k) => q[k] ?? null));
}

async function needCounts(
  all: Prisma.NeedWhereInput,
  where: (...except: FacetKey[]) => Prisma.NeedWhereInput,
  shows: (field: Parameters<typeof teaserFieldScopeFor>[1]) => Prisma.NeedWhereInput,
): Promise<{ total: number; facets: Facets }> {
  const [total, byChainNode, byNode, byField, byRegion, byTrl, byStatus, modeCounts] = await Promise.all([
    prisma.need.count({ where: all }),
    prisma.need.groupBy({ by: ["chainNodeId"], where: where("chain", "node"), _count: { _all: true } }),
    prisma.need.groupBy({ by: ["chainNodeId"], where: where("node"), _count: { _all: true } }),
    prisma.need.groupBy({ by: ["field"], where: where("field"), _count: { _all: true }, orderBy: { _count: { field: "desc" } }, take: 15 }),
    prisma.need.groupBy({
      by: ["region"],
      where: { AND: [where("region"), shows("region")] },
      _count: { _all: true },
      orderBy: { _count: { region: "desc" } },
      take: 15,
    }),
    prisma.need.groupBy({ by: ["trlTarget"], where: { AND: [where("trl"), shows("trlTarget")] }, _count: { _all: true } }),
    prisma.need.groupBy({ by: ["status"], where: where("status"), _count: { _all: true } }),
    Promise.all(
      COLLABORATION_MODES.map((m) => prisma.need.count({ where: { AND: [where("mode"), shows("collaborationModes"), { collaborationModes: { has: m } }] } })),
    ),
  ]);
  const facets: Facets = {
    chain: (await chainFacets(byChainNode.map((g) => ({ value: g.chainNodeId, count: g._count._all })))).chain,
    node: (await chainFacets(byNode.map((g) => ({ value: g.chainNodeId, count: g._count._all })))).node,
    field: counted(byField.map((g) => ({ value: g.field, count: g._count._all }))),
    region: counted(byRegion.map((g) => ({ value: g.region, count: g._count._all }))),
    trl: counted(byTrl.map((g) => ({ value: g.trlTarget?.toString() ?? null, count: g._count._all }))).sort((a, b) => Number(a.value) - Number(b.value)),
    status: counted(byStatus.map((g) => ({ value: g.status, count: g._count._all }))),
    mode: COLLABORATION_MODES.map((m, i) => ({ value: m, count: modeCounts[i]! })).filter((m) => m.count > 0),
  };
  return { total, facets };
}

/**
 * One page in the chosen order. Sorting by TRL, budget or deadline must not order a need by a
 * value the viewer cannot see (that would leak it through the position): needs whose value is
 * shown come first in value order, then every need whose value is hidden or empty, newest
 * first — as if the hidden value were empty.
 */
async function findPage(actor: MaybeActor, where: Prisma.NeedWhereInput, q: BrowseQuery, pageSize: number) {
  const sort = SORTS[q.sort];
  const skip = (q.page - 1) * pageSize;
  const include = needRowInclude(actor);
  if (!sort.by) return prisma.need.findMany({ where, include, orderBy: sort.order, skip, take: pageSize });
  const valued: Prisma.NeedWhereInput = { AND: [needSummaryFieldScopeFor(actor, sort.by), { [sort.by]: { not: null } }] };
  const withValue: Prisma.NeedWhereInput = { AND: [where, valued] };
  const rest: Prisma.NeedWhereInput = { AND: [where, { NOT: valued }] };
  const valuedCount = await prisma.need.count({ where: withValue });
  const first = skip < valuedCount ? await prisma.need.findMany({ where: withValue, include, orderBy: sort.order, skip, take: pageSize }) : [];
  if (first.length === pageSize) return first;
  const second = await prisma.need.findMany({
    where: rest,
    include,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: Math.max(0, skip - valuedCount),
    take: pageSize - first.length,
  });
  return [...first, ...second];
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
