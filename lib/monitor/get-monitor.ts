import "server-only";
import { LRUCache } from "lru-cache";
import { prisma } from "@/lib/db";
import { Prisma, type OrgKind } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { needRowInclude, presentNeed } from "@/lib/needs/present-need";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { densify, EMPTY_FLOWS, monthRange, scoreSeries, scoreTrend, type MonthFlows, type ScoreComponents } from "./bottleneck-score";
import { aggregateVersion, refreshedAtOf } from "./aggregate-version";
import { monitorFiltersSchema, type MonitorFilters } from "./schemas";

// Reads of the chain monitor (pages /monitor, /monitor/nodes/[id], the CSV/JSON exports). Every
// figure comes from the aggregates the worker refreshed (lib/monitor/refresh-aggregates.ts);
// the only live queries are the few needs listed on a node's portrait for this viewer, through
// the viewer's own scope (needScopeFor, presentNeed): counts include confidential needs, titles
// only where this viewer may see them. Supply lists hold public rows only (published results,
// active instruments) and are cached with the aggregates.

const FLOW_KEYS = Object.keys(EMPTY_FLOWS) as (keyof typeof EMPTY_FLOWS)[];
const STAGE_ORDER: Record<string, number> = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 };

// The aggregates change only when the refresh job runs, so what is read from them is kept in
// memory under the aggregates' version (the refresh run's timestamp, aggregate-version.ts): a new
// run makes new keys and the old entries age out. Per-viewer rows (the needs listed for a viewer)
// are never cached. Concurrent misses of one key share one load.
const aggregateCache = new LRUCache<string, object>({ max: 2_000 });
const loading = new Map<string, Promise<object>>();
async function cached<T extends object>(key: string, version: string, load: () => Promise<T>): Promise<T> {
  const k = `${version}:${key}`;
  const hit = aggregateCache.get(k) as T | undefined;
  if (hit) return hit;
  let p = loading.get(k) as Promise<T> | undefined;
  if (!p) {
    p = load().then(
      (value) => {
        aggregateCache.set(k, value);
        loading.delete(k);
        return value;
      },
      (error: unknown) => {
        loading.delete(k);
        throw error;
      },
    );
    loading.set(k, p);
  }
  return p;
}

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

const loadChains = () =>
  prisma.industryChain.findMany({
    orderBy: { sort: "asc" },
    select: { id: true, nameZh: true, nameEn: true, nodes: { select: { id: true, stage: true, nameZh: true, nameEn: true, sort: true } } },
  });

/** The whole map for (region, organisation kind, period) at one aggregates version; the chain filter picks from it. */
async function mapFor(f: MonitorFilters, version: string, now: Date): Promise<{ months: string[]; chains: ChainMap["chains"] }> {
  return cached(`map:${f.region ?? ""}:${f.orgKind ?? ""}:${f.period}:${monthKey(now)}`, version, async () => {
    const [chains, flowsCached] = await Promise.all([cached("chains", version, async () => ({ list: await loadChains() })), flowsAll(f, version)]);
    const flows = flowsCached.byNode;
    const months = timeline(flows, now);
    const period = Number(f.period);
    return {
      months: months.slice(-period),
      chains: chains.list.map((c) => ({
        id: c.id,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        nodes: [...c.nodes]
          .sort((a, b) => (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) || a.sort - b.sort)
          .map((n) => {
            const series = densify(flows.get(n.id) ?? [], months);
            const points = scoreSeries(series).slice(-period);
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
              postedInPeriod: series.slice(-period).reduce((s, r) => s + r.posted, 0),
              supply: last?.supply ?? 0,
            };
          }),
      })),
    };
  });
}

export async function getChainMap(actor: Actor, f: MonitorFilters, now = new Date()): Promise<ChainMap> {
  authorize(actor, "monitor.read");
  const version = await aggregateVersion();
  const [map, regions] = await Promise.all([mapFor(f, version, now), regionsAt(version)]);
  return {
    months: map.months,
    regions,
    refreshedAt: refreshedAtOf(version),
    chains: f.chain ? map.chains.filter((c) => c.id === f.chain) : map.chains,
  };
}

/** The chains and their nodes (the filters' choices), cached with the aggregates. */
export async function listMonitorChains(): Promise<{ id: string; nameZh: string; nameEn: string; nodes: { id: string; nameZh: string; nameEn: string }[] }[]> {
  return (await cached("chains", await aggregateVersion(), async () => ({ list: await loadChains() }))).list;
}

/** A node's current bottleneck score on the whole platform (no filter), from the cached map. */
export async function nodeScoreNow(nodeId: string, now = new Date()): Promise<number> {
  const map = await mapFor(monitorFiltersSchema.parse({}), await aggregateVersion(), now);
  for (const c of map.chains) for (const n of c.nodes) if (n.id === nodeId) return n.score;
  return 0;
}

/** Regions that occur in the aggregates (filter options). */
export async function listRegions(): Promise<string[]> {
  return regionsAt(await aggregateVersion());
}
async function regionsAt(version: string): Promise<string[]> {
  return (await cached("regionList", version, async () => ({ list: await loadRegions() }))).list;
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
  supply: {
    results: { id: string; title: string; trl: number | null; organisation: string }[];
    researchers: { id: string; name: string; organisation: string; results: number }[];
    instruments: { id: string; name: string; nameEn: string | null; organisation: string }[];
  };
};

// The portrait's figures for every node at once, one query per kind and aggregates version (and
// filter), shared by all the portraits: a node seen first after a refresh costs no query of its own.
type Supply = NodePortrait["supply"];
const groupByNode = <T extends { chainNodeId: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.chainNodeId, [...(out.get(r.chainNodeId) ?? []), r]);
  return out;
};
const flowsAll = (f: MonitorFilters, version: string) =>
  cached(`flows:${f.region ?? ""}:${f.orgKind ?? ""}`, version, async () => ({ byNode: await flowsByNode(f) }));
type HistogramRow = { chainNodeId: string; dimension: string; bucket: string; count: number };
// The TRL gap and the collaboration modes follow the portrait's filters like its series: needs
// posted (results published) since the period's first month, by the poster's region and kind of
// organisation. Every node at once per filter and aggregates version, from the needs' facts.
const histogramsAll = (f: MonitorFilters, from: Date, version: string) =>
  cached(`histograms:${f.region ?? ""}:${f.orgKind ?? ""}:${from.toISOString()}`, version, async () => {
    const needWhere = Prisma.sql`f."postedAt" >= ${from} AND f."chainNodeId" <> ''
      ${f.region ? Prisma.sql`AND f.region = ${f.region}` : Prisma.empty}
      ${f.orgKind ? Prisma.sql`AND f."orgKind"::text = ${f.orgKind}` : Prisma.empty}`;
    const resultWhere = Prisma.sql`r.status = 'PUBLISHED' AND r."chainNodeId" IS NOT NULL AND r."createdAt" >= ${from}
      ${f.region ? Prisma.sql`AND o.region = ${f.region}` : Prisma.empty}
      ${f.orgKind ? Prisma.sql`AND o.kind::text = ${f.orgKind}` : Prisma.empty}`;
    const rows = await prisma.$queryRaw<HistogramRow[]>`
      SELECT f."chainNodeId", 'needTrl' AS dimension, f."trlTarget"::text AS bucket, count(*)::int AS count
      FROM "MonitorNeedFact" f WHERE f."trlTarget" IS NOT NULL AND ${needWhere} GROUP BY 1, 3
      UNION ALL
      SELECT r."chainNodeId", 'resultTrl', r.trl::text, count(*)::int
      FROM "Result" r JOIN "Organisation" o ON o.id = r."organisationId" WHERE r.trl IS NOT NULL AND ${resultWhere} GROUP BY 1, 3
      UNION ALL
      SELECT f."chainNodeId", 'mode', mode::text, count(*)::int
      FROM "MonitorNeedFact" f JOIN "Need" n ON n.id = f."needId" CROSS JOIN LATERAL unnest(n."collaborationModes") AS mode
      WHERE ${needWhere} GROUP BY 1, 3`;
    return { byNode: groupByNode(rows) };
  });
// Open BROKER_ONLY needs per node (the only ones an analyst may not see listed), from the facts.
const brokerOnlyOpenAll = (f: MonitorFilters, version: string) =>
  cached(`brokerOnlyOpen:${f.region ?? ""}:${f.orgKind ?? ""}`, version, async () => {
    const rows = await prisma.monitorNeedFact.groupBy({
      by: ["chainNodeId"],
      where: { visibility: "BROKER_ONLY", endedAt: null, ...(f.region ? { region: f.region } : {}), ...(f.orgKind ? { orgKind: f.orgKind as OrgKind } : {}) },
      _count: { _all: true },
    });
    return { byNode: new Map(rows.map((r) => [r.chainNodeId, r._count._all])) };
  });
const regionsAll = (orgKind: string | undefined, from: Date, version: string) =>
  cached(`regionsAll:${orgKind ?? ""}:${from.toISOString()}`, version, async () => {
    const rows = await prisma.monitorMonthFact.groupBy({
      by: ["chainNodeId", "region"],
      where: { month: { gte: from }, ...(orgKind ? { orgKind: orgKind as OrgKind } : {}) },
      _sum: { posted: true },
    });
    return { byNode: groupByNode(rows) };
  });
// The strongest supply of every node: published results and ACTIVE instruments are public;
// researchers are named as on a result's page (name and institution), authors first.
const supplyAll = (version: string) =>
  cached("supply", version, async () => {
    const [results, researchers, instruments] = await Promise.all([
      prisma.$queryRaw<{ chainNodeId: string; id: string; title: string; trl: number | null; organisation: string }[]>`
        SELECT x."chainNodeId", x.id, x.title, x.trl, o.name AS organisation FROM (
          SELECT r."chainNodeId", r.id, r.title, r.trl, r."organisationId",
            row_number() OVER (PARTITION BY r."chainNodeId" ORDER BY r.trl DESC NULLS LAST, r."createdAt" DESC) AS k
          FROM "Result" r WHERE r.status = 'PUBLISHED' AND r."chainNodeId" IS NOT NULL) x
        JOIN "Organisation" o ON o.id = x."organisationId" WHERE x.k <= 8 ORDER BY x."chainNodeId", x.k`,
      prisma.$queryRaw<{ chainNodeId: string; id: string; name: string | null; organisation: string | null; results: bigint }[]>`
        WITH authors AS (
          SELECT "chainNodeId", "createdById", count(*) AS n FROM "Result"
          WHERE status = 'PUBLISHED' AND "chainNodeId" IS NOT NULL GROUP BY 1, 2)
        SELECT x."chainNodeId", u.id, u.name, o.name AS organisation, x.n AS results FROM (
          SELECT s."chainNodeId", s."subjectId", COALESCE(a.n, 0) AS n,
            row_number() OVER (PARTITION BY s."chainNodeId" ORDER BY COALESCE(a.n, 0) DESC, s."joinedAt", s."subjectId") AS k
          FROM "MonitorSupplyFact" s LEFT JOIN authors a ON a."chainNodeId" = s."chainNodeId" AND a."createdById" = s."subjectId"
          WHERE s.kind = 'researcher') x
        JOIN "User" u ON u.id = x."subjectId" LEFT JOIN "Organisation" o ON o.id = u."organisationId"
        WHERE x.k <= 8 ORDER BY x."chainNodeId", x.k`,
      prisma.$queryRaw<{ chainNodeId: string; id: string; name: string; nameEn: string | null; organisation: string }[]>`
        SELECT x."chainNodeId", i.id, i.name, i."nameEn", o.name AS organisation FROM (
          SELECT s."chainNodeId", s."subjectId", row_number() OVER (PARTITION BY s."chainNodeId" ORDER BY s."joinedAt", s."subjectId") AS k
          FROM "MonitorSupplyFact" s WHERE s.kind = 'instrument') x
        JOIN "Instrument" i ON i.id = x."subjectId" AND i.status = 'ACTIVE' JOIN "Organisation" o ON o.id = i."organisationId"
        WHERE x.k <= 8 ORDER BY x."chainNodeId", x.k`,
    ]);
    const byNode = new Map<string, Supply>();
    const at = (node: string) => {
      let v = byNode.get(node);
      if (!v) byNode.set(node, (v = { results: [], researchers: [], instruments: [] }));
      return v;
    };
    for (const r of results) at(r.chainNodeId).results.push({ id: r.id, title: r.title, trl: r.trl, organisation: r.organisation });
    for (const r of researchers)
      at(r.chainNodeId).researchers.push({ id: r.id, name: r.name ?? "", organisation: r.organisation ?? "", results: Number(r.results) });
    for (const i of instruments) at(i.chainNodeId).instruments.push({ id: i.id, name: i.name, nameEn: i.nameEn, organisation: i.organisation });
    return { byNode };
  });

/** What a node's portrait reads from the aggregates (and public supply), for one version and filter. */
async function nodeAggregates(nodeId: string, f: MonitorFilters, version: string, now: Date) {
  return cached(`node:${nodeId}:${f.region ?? ""}:${f.orgKind ?? ""}:${f.period}:${monthKey(now)}`, version, async () => {
    const chains = (await cached("chains", version, async () => ({ list: await loadChains() }))).list;
    const chain = chains.find((c) => c.nodes.some((n) => n.id === nodeId));
    const found = chain?.nodes.find((n) => n.id === nodeId);
    if (!chain || !found) return { node: null };
    const node = {
      id: found.id,
      stage: found.stage,
      nameZh: found.nameZh,
      nameEn: found.nameEn,
      chain: { id: chain.id, nameZh: chain.nameZh, nameEn: chain.nameEn },
    };
    const period = Number(f.period);
    const [flows, brokerOnlyOpen, supply] = await Promise.all([flowsAll(f, version), brokerOnlyOpenAll(f, version), supplyAll(version)]);
    const months = timeline(flows.byNode, now);
    const series = densify(flows.byNode.get(nodeId) ?? [], months);
    const points = scoreSeries(series);
    const shown = series.slice(-period);
    const from = shown[0] ? new Date(`${shown[0].month}-01T00:00:00.000Z`) : now;
    const [regions, histograms] = await Promise.all([regionsAll(f.orgKind, from, version), histogramsAll(f, from, version)]);
    const byRegion = regions.byNode.get(nodeId) ?? [];
    const nodeHist = histograms.byNode.get(nodeId) ?? [];
    const hist = (dim: string) => Array.from({ length: 9 }, (_, i) => nodeHist.find((h) => h.dimension === dim && h.bucket === String(i + 1))?.count ?? 0);
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
      modes: nodeHist
        .filter((h) => h.dimension === "mode")
        .sort((a, b) => b.count - a.count)
        .map((h) => ({ mode: h.bucket, count: h.count })),
      regions: byRegion
        .map((r) => ({ region: r.region, posted: r._sum.posted ?? 0 }))
        .filter((r) => r.posted > 0)
        .sort((a, b) => b.posted - a.posted),
      hiddenCandidates: brokerOnlyOpen.byNode.get(nodeId) ?? 0,
      supply: supply.byNode.get(nodeId) ?? { results: [], researchers: [], instruments: [] },
    };
  });
}

export async function getNodePortrait(actor: Actor, nodeId: string, f: MonitorFilters, now = new Date()): Promise<NodePortrait> {
  authorize(actor, "monitor.read");
  const version = await aggregateVersion();
  const agg = await nodeAggregates(nodeId, f, version, now);
  if (!agg.node) throw notFound();
  // The only per-viewer reads: the newest open needs on the node in this viewer's scope (an index
  // range, at most 12 rows), and how many of the node's open BROKER_ONLY needs the viewer may see.
  const open: Prisma.NeedWhereInput = { chainNodeId: nodeId, status: { in: ["PUBLISHED", "IN_PROGRESS"] } };
  const regionFilter: Prisma.NeedWhereInput = {
    ...(f.region ? { region: f.region } : {}),
    ...(f.orgKind ? { organisation: { kind: f.orgKind as OrgKind } } : {}),
  };
  const [rows, visibleBrokerOnly] = await Promise.all([
    prisma.need.findMany({
      where: { AND: [needScopeFor(actor), open, regionFilter] },
      include: needRowInclude(actor, now),
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 12,
    }),
    agg.hiddenCandidates === 0
      ? Promise.resolve(0)
      : prisma.need.count({ where: { AND: [needScopeFor(actor), open, regionFilter, { visibility: "BROKER_ONLY" }] } }),
  ]);
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
  const { hiddenCandidates, ...figures } = agg;
  return { ...figures, node: agg.node, topNeeds, hiddenOpenNeeds: Math.max(0, hiddenCandidates - visibleBrokerOnly) };
}
