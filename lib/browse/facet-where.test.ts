import { describe, expect, it } from "vitest";
import { facetWhere, type FacetFilters } from "./facet-where";

const filters: FacetFilters<string> = {
  chain: ["chain=c"],
  node: [],
  field: [],
  region: ["region=r", "region-visible"],
  trl: [],
  mode: [],
  status: ["status=s"],
};

describe("facetWhere", () => {
  it("applies the scope and every chosen filter", () => {
    expect(facetWhere("scope", filters)).toEqual({ AND: ["scope", "chain=c", "region=r", "region-visible", "status=s"] });
  });
  it("leaves out the facets being counted, never the scope", () => {
    expect(facetWhere("scope", filters, ["region"])).toEqual({ AND: ["scope", "chain=c", "status=s"] });
    expect(facetWhere("scope", filters, ["chain", "node", "status"])).toEqual({ AND: ["scope", "region=r", "region-visible"] });
  });
});
