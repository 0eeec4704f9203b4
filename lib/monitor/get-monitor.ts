import "server-only";
import { LRUCache } from "lru-cache";
import { prisma } from "@/lib/db";
import type { OrgKind, Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { needRowInclude, presentNeed } from "@/lib/needs/present-need";
import { authorize, needScopeFor, resultScopeFor, type Actor } from "@/lib/policy";
import { densify, EMPTY_FLOWS, monthRange, scoreSeries, scoreTrend, type MonthFlows, type ScoreComponents } from "./bottleneck-score";
import type { MonitorFilters } from "./schemas";

// Reads of the chain monitor (pages /monitor, /monitor/nodes/[id], the CSV/JSON exports). Every
// figure comes from the aggregates the worker refreshed (lib/monitor/refresh-aggregates.ts);
// the only live queries are the few visible needs and results listed on a node's portrait, and
// those go through the viewer's own scopes (needScopeFor, resultScopeFor, presentNeed): counts
// include confidential needs, titles only where this viewer may see them.

const FLOW_KEYS = Object.keys(EMPTY_FLOWS) as (keyof typeof EMPTY_FLOWS)[];
const STAGE_ORDER: Record<string, number> = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 };

// The aggregates change only when the refresh job runs, so what is read from them is kept in
// memory under the run's timestamp (MonitorRefreshState.lastRunAt): a new run makes new keys and
// the old entries age out. Needs and results listed for a viewer are never cached.
const aggregateCache = new LRUCache<string, object>({ max: 500 });
async function cached<T extends object>(key: string, stamp: Date | null, load: () => Promise<T>): Promise<T> {
  const k = `${stamp?.getTime() ?? 0}:${key}`;
  const hit = aggregateCache.get(k) as T | undefined;
  if (hit) return hit;
  const value = await load();
  aggregateCache.set(k, value);
  return value;
}
const refreshStamp = async () =>
  (await prisma.monitorRefreshState.findUnique({ where: { key: "aggregates" }, select: { lastRunAt: true } }))?.lastRunAt ?? null;

const monthKey = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;

function cubeWhere(f: MonitorFilters, nodeIds?: string[]): Prisma.MonitorMonthFactWhereInput {
  return {
    ...(nodeIds ? { chainNodeId: { in: nodeIds } } : {}),
    ...(f.region ? { region: f.region } : {}),
    ...(f.orgKind ? { orgKind: f.orgKind as OrgKind } : {}),
  };
}

/** Monthly flows per node (summed over regions and organisation kinds within the filters). */
async function flowsByNode(f: MonitorFilters, nodeIds?: string[]): Promise<Map<string, MonthFlows[]>> {
  const groups = await prisma.monitorMonthFact.groupBy({
    by: ["chainNodeId", "month"],
    where: cubeWhere(f, nodeIds),
    _sum: Object.fromEntries(FLOW_KEYS.map((k) => [k, true])) as Record<(typeof FLOW_KEYS)[number], true>,
  });
  const out = new Map<string, MonthFlows[]>();
  for (const g of groups) {
    const row: MonthFlows = { month: monthKey(g.month), ...EMPTY_FLOWS };
    for (const k of FLOW_KEYS) row[k] = Number(g._sum[k] ?? 0);
    const list = out.get(g.chainNodeId) ?? [];
    list.push(row);
    out.set(g.chainNodeId, list);
  }
  return out;
}

function timeline(all: Map<string, MonthFlows[]>, now: Date): string[] {
  let first = monthKey(now);
  for (const rows of all.values()) for (const r of rows) if (r.month < first) first = r.month;
  return monthRange(first, monthKey(now));
}

export type MapNode = {
  id: string;
  stage: string;
  nameZh: string;
  nameEn: string;
  score: number;
  trend: number;
  openDemand: number;
  unmetDemand: number;
  postedInPeriod: number;
  supply: number;
};
export type ChainMap = {
  months: string[];
  chains: { id: string; nameZh: string; nameEn: string; nodes: MapNode[] }[];
  regions: string[];
  refreshedAt: Date | null;
};

export async function getChainMap(actor: Actor, f: MonitorFilters, now = new Date()): Promise<ChainMap> {
  authorize(actor, "monitor.read");
  const stamp = await refreshStamp();
  const [chains, flows, regions] = await Promise.all([
    prisma.industryChain.findMany({
      where: f.chain ? { id: f.chain } : {},
      orderBy: { sort: "asc" },
      select: { id: true, nameZh: true, nameEn: true, nodes: { select: { id: true, stage: true, nameZh: true, nameEn: true, sort: true } } },
    }),
    cached(`flows:${f.region ?? ""}:${f.orgKind ?? ""}`, stamp, () => flowsByNode(f)),
    listRegions(),
  ]);
  const months = timeline(flows, now);
  const shown = months.slice(-Number(f.period));
  return {
    months: shown,
    regions,
    refreshedAt: stamp,
    chains: chains.map((c) => ({
      id: c.id,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      nodes: [...c.nodes]
        .sort((a, b) => (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) || a.sort - b.sort)
        .map((n) => {
          const series = densify(flows.get(n.id) ?? [], months);
          const points = scoreSeries(series).slice(-Number(f.period));
          const last = points.at(-1)?.components;
          return {
            id: n.id,
            stage: n.stage,
            nameZh: n.nameZh,
            nameEn: n.nameEn,
            score: points.at(-1)?.score ?? 0,
            trend: scoreTrend(points),
            openDemand: last?.openDemand ?? 0,
            unmetDemand: last?.unmetDemand ?? 0,
            postedInPeriod: series.slice(-Number(f.period)).reduce((s, r) => s + r.posted, 0),
            supply: last?.supply ?? 0,
          };
        }),
    })),
  };
}

/** Regions that occur in the aggregates (filter options). */
export async function listRegions(): Promise<string[]> {
  return (await cached("regionList", await refreshStamp(), async () => ({ list: await loadRegions() }))).list;
}
async function loadRegions(): Promise<string[]> {
  const rows = await prisma.monitorMonthFact.findMany({
    where: { region: { not: "" } },
    distinct: ["region"],
    select: { region: true },
    orderBy: { region: "asc" },
  });
  return rows.map((r) => r.region);
}

export type NodePortrait = {
  node: { id: string; stage: string; nameZh: string; nameEn: string; chain: { id: string; nameZh: string; nameEn: string } };
  months: string[];
  series: Record<"posted" | "matched" | "contacted" | "contracted" | "expiredUnsolved" | "resultsPublished", number[]>;
  score: number[];
  current: { score: number; trend: number; components: ScoreComponents };
  trl: { needs: number[]; results: number[] }; // index 0 = TRL 1
  modes: { mode: string; count: number }[];
  regions: { region: string; posted: number }[];
  topNeeds: { id: string; title: string; visibility: string; access: "full" | "teaser"; trlTarget: number | null; publishedAt: string | null }[];
  /** Open needs on the node this viewer may not see listed (counted above, titles withheld). */
  hiddenOpenNeeds: number;
  supply: { id: string; title: string; trl: number | null; organisation: string }[];
};

export async function getNodePortrait(actor: Actor, nodeId: string, f: MonitorFilters, now = new Date()): Promise<NodePortrait> {
  authorize(actor, "monitor.read");
  const node = await prisma.chainNode.findUnique({
    where: { id: nodeId },
    select: { id: true, stage: true, nameZh: true, nameEn: true, chain: { select: { id: true, nameZh: true, nameEn: true } } },
  });
  if (!node) throw notFound();
  const open: Prisma.NeedWhereInput = { chainNodeId: nodeId, status: { in: ["PUBLISHED", "IN_PROGRESS"] } };
  const regionFilter: Prisma.NeedWhereInput = {
    ...(f.region ? { region: f.region } : {}),
    ...(f.orgKind ? { organisation: { kind: f.orgKind as OrgKind } } : {}),
  };
  const stamp = await refreshStamp();
  const [flows, histograms, byRegion, rows, openFacts, results] = await Promise.all([
    cached(`flows:${nodeId}:${f.region ?? ""}:${f.orgKind ?? ""}`, stamp, () => flowsByNode(f, [nodeId])),
    cached(`hist:${nodeId}`, stamp, () => prisma.monitorNodeHistogram.findMany({ where: { chainNodeId: nodeId } })),
    cached(`regions:${nodeId}:${f.orgKind ?? ""}`, stamp, () =>
      prisma.monitorMonthFact.groupBy({
        by: ["region"],
        where: { chainNodeId: nodeId, ...(f.orgKind ? { orgKind: f.orgKind as OrgKind } : {}) },
        _sum: { posted: true },
      }),
    ),
    prisma.need.findMany({
      where: { AND: [needScopeFor(actor), open, regionFilter] },
      include: needRowInclude(actor, now),
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 12,
    }),
    // A count over every open need on the node (confidential and BROKER_ONLY included): no row is read.
    prisma.need.count({ where: { AND: [open, regionFilter] } }),
    prisma.result.findMany({
      where: { AND: [resultScopeFor(actor), { chainNodeId: nodeId, status: "PUBLISHED" }] },
      orderBy: [{ trl: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: 8,
      select: { id: true, title: true, trl: true, organisation: { select: { name: true } } },
    }),
  ]);
  const visibleOpen = await prisma.need.count({ where: { AND: [needScopeFor(actor), open, regionFilter] } });
  const months = timeline(flows, now);
  const series = densify(flows.get(nodeId) ?? [], months);
  const points = scoreSeries(series);
  const period = Number(f.period);
  const shown = series.slice(-period);
  const hist = (dim: string) => Array.from({ length: 9 }, (_, i) => histograms.find((h) => h.dimension === dim && h.bucket === String(i + 1))?.count ?? 0);
  const topNeeds = rows
    .map((r) => presentNeed(actor, r))
    .filter((v): v is NonNullable<typeof v> => v !== null)
    .map((v, i) => ({
      id: v.id,
      title: v.title,
      visibility: v.visibility,
      access: v.access,
      trlTarget: v.trlTarget,
      publishedAt: rows[i]?.publishedAt?.toISOString() ?? null,
    }));
  return {
    node,
    months: shown.map((r) => r.month),
    series: {
      posted: shown.map((r) => r.posted),
      matched: shown.map((r) => r.matched),
      contacted: shown.map((r) => r.contacted),
      contracted: shown.map((r) => r.contracted),
      expiredUnsolved: shown.map((r) => r.expiredUnsolved),
      resultsPublished: shown.map((r) => r.resultsPublished),
    },
    score: points.slice(-period).map((p) => p.score),
    current: {
      score: points.at(-1)?.score ?? 0,
      trend: scoreTrend(points.slice(-period)),
      components: points.at(-1)?.components ?? scoreSeries([{ month: "", ...EMPTY_FLOWS }])[0]!.components,
    },
    trl: { needs: hist("needTrl"), results: hist("resultTrl") },
    modes: histograms
      .filter((h) => h.dimension === "mode")
      .sort((a, b) => b.count - a.count)
      .map((h) => ({ mode: h.bucket, count: h.count })),
    regions: byRegion
      .map((r) => ({ region: r.region, posted: r._sum.posted ?? 0 }))
      .filter((r) => r.posted > 0)
      .sort((a, b) => b.posted - a.posted),
    topNeeds,
    hiddenOpenNeeds: Math.max(0, openFacts - visibleOpen),
    supply: results.map((r) => ({ id: r.id, title: r.title, trl: r.trl, organisation: r.organisation.name })),
  };
}
