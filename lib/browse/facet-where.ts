// Disjunctive faceting (pure): the `where` of a list is the visibility scope AND every chosen
// filter; a facet's counts use the same `where` without that facet's own filter.
export type FacetKey = "chain" | "node" | "field" | "region" | "trl" | "mode" | "status";
export type FacetFilters<W> = Record<FacetKey, W[]>;

export function facetWhere<W>(scope: W, filters: FacetFilters<W>, except: readonly FacetKey[] = []): { AND: W[] } {
  const chosen = (Object.keys(filters) as FacetKey[]).filter((k) => !except.includes(k)).flatMap((k) => filters[k]);
  return { AND: [scope, ...chosen] };
}
