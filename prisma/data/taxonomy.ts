import raw from "./taxonomy.json" with { type: "json" };

// Typed view of taxonomy.json (the industry chains and their nodes, see its `source`).

export type ChainStage = "UPSTREAM" | "MIDSTREAM" | "DOWNSTREAM";

export interface TaxonomyNode {
  id: string;
  stage: ChainStage;
  nameZh: string;
  nameEn: string;
}

export interface TaxonomyChain {
  id: string;
  nameZh: string;
  nameEn: string;
  nodes: TaxonomyNode[];
}

export interface Taxonomy {
  source: { zh: string; en: string };
  chains: TaxonomyChain[];
}

export const taxonomy = raw as Taxonomy;

/** Every chain node id in the taxonomy. */
export const chainNodeIds: ReadonlySet<string> = new Set(taxonomy.chains.flatMap((c) => c.nodes.map((n) => n.id)));
