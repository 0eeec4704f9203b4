import { describe, expect, it } from "vitest";
import { buildTaxonomyAnalytics, emptyStats, type CountRow, type TaxonomyChain } from "./compute";

const taxonomy: TaxonomyChain[] = [
  {
    id: "ic",
    nameZh: "集成电路",
    nameEn: "Integrated circuits",
    nodes: [
      { id: "ic.materials", stage: "UPSTREAM", nameZh: "半导体材料", nameEn: "Semiconductor materials" },
      { id: "ic.design", stage: "MIDSTREAM", nameZh: "芯片设计", nameEn: "Chip design" },
    ],
  },
  { id: "energy", nameZh: "新能源", nameEn: "New energy", nodes: [{ id: "energy.storage", stage: "DOWNSTREAM", nameZh: "储能", nameEn: "Storage" }] },
];

describe("buildTaxonomyAnalytics", () => {
  const rows: CountRow[] = [
    { chainNodeId: "ic.materials", stat: "needs", count: 5 },
    { chainNodeId: "ic.materials", stat: "openNeeds", count: 4 },
    { chainNodeId: "ic.materials", stat: "unmet", count: 3 },
    { chainNodeId: "ic.design", stat: "needs", count: 2 },
    { chainNodeId: "ic.design", stat: "openNeeds", count: 2 },
    { chainNodeId: "ic.design", stat: "withDeal", count: 1 },
    { chainNodeId: "ic.design", stat: "results", count: 6 },
    { chainNodeId: "energy.storage", stat: "needs", count: 3 },
    { chainNodeId: "energy.storage", stat: "openNeeds", count: 3 },
    { chainNodeId: "energy.storage", stat: "unmet", count: 3 },
    { chainNodeId: "energy.storage", stat: "results", count: 1 },
    { chainNodeId: null, stat: "needs", count: 1 },
    { chainNodeId: "gone.node", stat: "needs", count: 1 },
  ];

  it("puts counts on nodes and sums chains and the whole", () => {
    const out = buildTaxonomyAnalytics(taxonomy, rows);
    expect(out.chains[0]!.nodes[0]!.stats).toEqual({ ...emptyStats(), needs: 5, openNeeds: 4, unmet: 3 });
    expect(out.chains[0]!.totals).toEqual({ needs: 7, openNeeds: 6, solved: 0, withDeal: 1, unmet: 3, results: 6 });
    expect(out.untagged.needs).toBe(2); // untagged, and a node no longer in the taxonomy
    expect(out.totals).toEqual({ needs: 12, openNeeds: 9, solved: 0, withDeal: 1, unmet: 6, results: 7 });
  });

  it("ranks bottlenecks by unmet demand, then by fewest results, and leaves out nodes with none", () => {
    const out = buildTaxonomyAnalytics(taxonomy, rows);
    expect(out.bottlenecks.map((b) => [b.nodeId, b.unmet, b.results])).toEqual([
      ["ic.materials", 3, 0],
      ["energy.storage", 3, 1],
    ]);
    expect(buildTaxonomyAnalytics(taxonomy, rows, 1).bottlenecks).toHaveLength(1);
  });

  it("shows every node of the taxonomy, with zeros where nothing is tagged", () => {
    const out = buildTaxonomyAnalytics(taxonomy, []);
    expect(out.chains.flatMap((c) => c.nodes.map((n) => n.stats))).toEqual([emptyStats(), emptyStats(), emptyStats()]);
    expect(out.bottlenecks).toEqual([]);
  });
});
