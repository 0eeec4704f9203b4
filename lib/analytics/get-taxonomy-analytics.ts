import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, needScopeFor, resultScopeFor, type MaybeActor } from "@/lib/policy";
import { listTaxonomy } from "@/lib/taxonomy/list-taxonomy";
import { buildTaxonomyAnalytics, type CountRow, type StatKey, type TaxonomyAnalytics } from "./compute";

// A deal "under way": an introduction that has not been declined or stalled.
const activeDeal: Prisma.IntroductionWhereInput = { state: { notIn: ["DECLINED", "STALLED"] } };

/**
 * Per industry chain and node: published needs, open needs, solved needs, open needs with a deal
 * under way, unmet demand (open needs with neither a deal under way nor a published result on
 * their node) and published results, for policy analysts looking for bottleneck nodes.
 *
 * Counts only (no titles, no ids), and each count stays inside the viewer's own query scopes
 * (needScopeFor / resultScopeFor), so a role that may not see a BROKER_ONLY need never counts it
 * either. Staff (the roles allowed today) see every need, as they do in the broker workbench.
 */
export async function getTaxonomyAnalytics(actor: MaybeActor): Promise<TaxonomyAnalytics> {
  authorize(actor, "analytics.read");
  const needScope = needScopeFor(actor);
  const resultScope = resultScopeFor(actor);
  const needs = (where: Prisma.NeedWhereInput) => ({ AND: [needScope, where] });
  const open: Prisma.NeedWhereInput = { status: { in: ["PUBLISHED", "IN_PROGRESS"] } };

  const needQueries: [StatKey, Prisma.NeedWhereInput][] = [
    ["needs", { status: { in: ["PUBLISHED", "IN_PROGRESS", "SOLVED"] } }],
    ["openNeeds", open],
    ["solved", { status: "SOLVED" }],
    ["withDeal", { ...open, introductions: { some: activeDeal } }],
    [
      "unmet",
      {
        ...open,
        introductions: { none: activeDeal },
        // Untagged needs cannot be matched by node: for them only the deal counts.
        OR: [{ chainNodeId: null }, { chainNode: { results: { none: { AND: [resultScope, { status: "PUBLISHED" }] } } } }],
      },
    ],
  ];
  const [taxonomy, resultCounts, ...needCounts] = await Promise.all([
    listTaxonomy(),
    prisma.result.groupBy({ by: ["chainNodeId"], where: { AND: [resultScope, { status: "PUBLISHED" }] }, _count: { _all: true } }),
    ...needQueries.map(([, where]) => prisma.need.groupBy({ by: ["chainNodeId"], where: needs(where), _count: { _all: true } })),
  ]);
  const rows: CountRow[] = [
    ...resultCounts.map((r) => ({ chainNodeId: r.chainNodeId, stat: "results" as const, count: r._count._all })),
    ...needCounts.flatMap((groups, i) => groups.map((g) => ({ chainNodeId: g.chainNodeId, stat: needQueries[i]![0], count: g._count._all }))),
  ];
  return buildTaxonomyAnalytics(taxonomy, rows);
}
