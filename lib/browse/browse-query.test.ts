import { describe, expect, it } from "vitest";
import { browseHref, parseBrowseQuery } from "./browse-query";

describe("browse query", () => {
  it("parses facets, sort and page from the URL and drops malformed values", () => {
    expect(parseBrowseQuery({ chain: "sensor", trl: "5", mode: "LICENCE", sort: "trl", page: "2" })).toMatchObject({
      chain: "sensor",
      trl: 5,
      mode: "LICENCE",
      sort: "trl",
      page: 2,
    });
    expect(parseBrowseQuery({ chain: 'x" OR 1=1', trl: "12", mode: "BRIBE", sort: "random", page: "-1" })).toEqual({ sort: "newest", page: 1 });
  });
  it("builds shareable hrefs that reset the page and drop defaults", () => {
    const q = parseBrowseQuery({ chain: "sensor", node: "sensor.fusion", page: "3" });
    expect(browseHref(q, { trl: 6 })).toEqual({ chain: "sensor", node: "sensor.fusion", trl: "6" });
    expect(browseHref(q, { chain: "energy" })).toEqual({ chain: "energy" });
    expect(browseHref(q, { node: undefined })).toEqual({ chain: "sensor" });
    expect(browseHref(q, { page: 4, sort: "oldest" })).toEqual({ chain: "sensor", node: "sensor.fusion", page: "4", sort: "oldest" });
  });
});
