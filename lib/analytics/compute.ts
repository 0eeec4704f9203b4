// Taxonomy analytics (pure): per industry chain and chain node, how much demand there is, how
// much supply, and how much demand nothing answers yet. Counts only: no titles, no ids of needs.

export type NodeStats = {
  /** Needs published and not withdrawn or expired (PUBLISHED, IN_PROGRESS, SOLVED). */
  needs: number;
  /** Of those, still open (PUBLISHED, IN_PROGRESS). */
  openNeeds: number;
  solved: number;
  /** Open needs with a deal under way (an introduction not declined or stalled). */
  withDeal: number;
  /** Unmet demand: open needs with no deal under way and no published result on their node. */
  unmet: number;
  /** Published results tagged with the node. */
  results: number;
};

export type StatKey = keyof NodeStats;
export const STAT_KEYS: readonly StatKey[] = ["needs", "openNeeds", "solved", "withDeal", "unmet", "results"];

/** One count per (chain node or null for untagged, statistic), as the queries return them. */
export type CountRow = { chainNodeId: string | null; stat: StatKey; count: number };
export type TaxonomyNode = { id: string; stage: string; nameZh: string; nameEn: string };
export type TaxonomyChain = { id: string; nameZh: string; nameEn: string; nodes: TaxonomyNode[] };

export type NodeAnalytics = TaxonomyNode & { stats: NodeStats };
export type ChainAnalytics = Omit<TaxonomyChain, "nodes"> & { totals: NodeStats; nodes: NodeAnalytics[] };
export type Bottleneck = {
  chainId: string;
  chainNameZh: string;
  chainNameEn: string;
  nodeId: string;
  nameZh: string;
  nameEn: string;
  unmet: number;
  openNeeds: number;
  results: number;
};
export type TaxonomyAnalytics = { chains: ChainAnalytics[]; untagged: NodeStats; totals: NodeStats; bottlenecks: Bottleneck[] };

export const emptyStats = (): NodeStats => ({ needs: 0, openNeeds: 0, solved: 0, withDeal: 0, unmet: 0, results: 0 });

function add(into: NodeStats, from: NodeStats): NodeStats {
  for (const k of STAT_KEYS) into[k] += from[k];
  return into;
}

/**
 * Puts the counts on the taxonomy tree, adds chain and overall totals, and ranks bottleneck
 * nodes: the most unmet demand first, then the fewest results. Counts on a node that is not in
 * the taxonomy (should not happen: foreign keys) are added to "untagged" so totals stay whole.
 */
export function buildTaxonomyAnalytics(taxonomy: readonly TaxonomyChain[], rows: readonly CountRow[], maxBottlenecks = 5): TaxonomyAnalytics {
  const byNode = new Map<string | null, NodeStats>();
  const known = new Set(taxonomy.flatMap((c) => c.nodes.map((n) => n.id)));
  for (const r of rows) {
    const key = r.chainNodeId !== null && known.has(r.chainNodeId) ? r.chainNodeId : null;
    const stats = byNode.get(key) ?? emptyStats();
    stats[r.stat] += r.count;
    byNode.set(key, stats);
  }
  const chains: ChainAnalytics[] = taxonomy.map((c) => {
    const nodes = c.nodes.map((n) => ({ ...n, stats: { ...(byNode.get(n.id) ?? emptyStats()) } }));
    return { id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, nodes, totals: nodes.reduce((t, n) => add(t, n.stats), emptyStats()) };
  });
  const untagged = { ...(byNode.get(null) ?? emptyStats()) };
  const totals = chains.reduce((t, c) => add(t, c.totals), add(emptyStats(), untagged));
  const bottlenecks = chains
    .flatMap((c) =>
      c.nodes.map((n) => ({
        chainId: c.id,
        chainNameZh: c.nameZh,
        chainNameEn: c.nameEn,
        nodeId: n.id,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        unmet: n.stats.unmet,
        openNeeds: n.stats.openNeeds,
        results: n.stats.results,
      })),
    )
    .filter((b) => b.unmet > 0)
    .sort((a, b) => b.unmet - a.unmet || a.results - b.results || a.nodeId.localeCompare(b.nodeId))
    .slice(0, maxBottlenecks);
  return { chains, untagged, totals, bottlenecks };
}
