import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResultStatus } from "@/lib/generated/prisma/enums";
import { resultScopeFor, type MaybeActor } from "@/lib/policy";
import type { BrowseQuery, Facets } from "@/lib/browse/browse-query";
import { facetWhere, type FacetFilters, type FacetKey } from "@/lib/browse/facet-where";
import { chainFacets, counted, facetKey } from "@/lib/needs/browse-needs";
import { sharedByAnonymous } from "@/lib/catalog/shared-by-anonymous";
import { COLLABORATION_MODES } from "@/lib/validation/enums";
import { presentResult, resultRowInclude, type ResultView } from "./present-result";

const RESULT_STATUSES = ["DRAFT", "PUBLISHED", "WITHDRAWN", "EXPIRED"];

const ORDER: Record<BrowseQuery["sort"], Prisma.ResultOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }],
  oldest: [{ createdAt: "asc" }],
  trl: [{ trl: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
  budget: [{ createdAt: "desc" }],
  deadline: [{ createdAt: "desc" }],
};

// Results list with facets; the region facet is the institution's region.
export async function browseResults(actor: MaybeActor, q: BrowseQuery, pageSize = 20): Promise<{ items: ResultView[]; total: number; facets: Facets }> {
  const filters: FacetFilters<Prisma.ResultWhereInput> = {
    chain: q.chain ? [{ chainNode: { chainId: q.chain } }] : [],
    node: q.node ? [{ chainNodeId: q.node }] : [],
    field: q.field ? [{ field: q.field }] : [],
    region: q.region ? [{ organisation: { region: q.region } }] : [],
    trl: q.trl ? [{ trl: q.trl }] : [],
    mode: q.mode ? [{ transferModes: { has: q.mode } }] : [],
    status: q.status && RESULT_STATUSES.includes(q.status) ? [{ status: q.status as ResultStatus }] : [],
  };
  // Disjunctive counts: each facet applies every chosen filter but its own.
  const where = (...except: FacetKey[]) => facetWhere(resultScopeFor(actor), filters, except);
  const all = where();
  // Total and facet counts: for anonymous visitors once per filter set until the index changes.
  const [rows, { total, facets }] = await Promise.all([
    prisma.result.findMany({ where: all, include: resultRowInclude, orderBy: ORDER[q.sort], skip: (q.page - 1) * pageSize, take: pageSize }),
    sharedByAnonymous(actor, "result-facets", facetKey(q), () => resultCounts(all, where)),
  ]);
  return { items: rows.map((r) => presentResult(actor, r)), total, facets };
}

async function resultCounts(
  all: Prisma.ResultWhereInput,
  where: (...except: FacetKey[]) => Prisma.ResultWhereInput,
): Promise<{ total: number; facets: Facets }> {
  const [total, byChainNode, byNode, byField, byTrl, byStatus, modeCounts, regionRows] = await Promise.all([
    prisma.result.count({ where: all }),
    prisma.result.groupBy({ by: ["chainNodeId"], where: where("chain", "node"), _count: { _all: true } }),
    prisma.result.groupBy({ by: ["chainNodeId"], where: where("node"), _count: { _all: true } }),
    prisma.result.groupBy({ by: ["field"], where: where("field"), _count: { _all: true }, orderBy: { _count: { field: "desc" } }, take: 15 }),
    prisma.result.groupBy({ by: ["trl"], where: where("trl"), _count: { _all: true } }),
    prisma.result.groupBy({ by: ["status"], where: where("status"), _count: { _all: true } }),
    Promise.all(COLLABORATION_MODES.map((m) => prisma.result.count({ where: { AND: [where("mode"), { transferModes: { has: m } }] } }))),
    prisma.result.groupBy({ by: ["organisationId"], where: where("region"), _count: { _all: true } }),
  ]);
  const orgs = await prisma.organisation.findMany({ where: { id: { in: regionRows.map((r) => r.organisationId) } }, select: { id: true, region: true } });
  const regionOf = new Map(orgs.map((o) => [o.id, o.region]));
  const regions = new Map<string, number>();
  for (const r of regionRows) {
    const region = regionOf.get(r.organisationId);
    if (region) regions.set(region, (regions.get(region) ?? 0) + r._count._all);
  }
  return {
    total,
    facets: {
      chain: (await chainFacets(byChainNode.map((g) => ({ value: g.chainNodeId, count: g._count._all })))).chain,
      node: (await chainFacets(byNode.map((g) => ({ value: g.chainNodeId, count: g._count._all })))).node,
      field: counted(byField.map((g) => ({ value: g.field, count: g._count._all }))),
      region: [...regions].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count),
      trl: counted(byTrl.map((g) => ({ value: g.trl?.toString() ?? null, count: g._count._all }))).sort((a, b) => Number(a.value) - Number(b.value)),
      status: counted(byStatus.map((g) => ({ value: g.status, count: g._count._all }))),
      mode: COLLABORATION_MODES.map((m, i) => ({ value: m, count: modeCounts[i]! })).filter((m) => m.count > 0),
    },
  };
}
