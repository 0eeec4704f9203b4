import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { matchesQuerySchema, pageQuerySchema, searchParamsToObject, searchQuerySchema } from "./query-schemas";

const q = (s: string) => searchParamsToObject(new URLSearchParams(s));

describe("searchParamsToObject", () => {
  it("keeps single values as strings and turns repeated names into arrays", () => {
    expect(q("a=1&b=x&b=y&c=")).toEqual({ a: "1", b: ["x", "y"], c: "" });
  });
});

describe("pageQuerySchema", () => {
  it("defaults page and pageSize, also for blank values", () => {
    expect(parseInput(pageQuerySchema, q(""), "en")).toEqual({ ok: true, data: { page: 1, pageSize: 20 } });
    expect(parseInput(pageQuerySchema, q("page=&pageSize="), "en")).toEqual({ ok: true, data: { page: 1, pageSize: 20 } });
    expect(parseInput(pageQuerySchema, q("page=3&pageSize=50"), "en")).toEqual({ ok: true, data: { page: 3, pageSize: 50 } });
  });

  it("rejects out-of-range, non-integer, repeated and unknown parameters by name", () => {
    const cases: [string, string][] = [
      ["page=0", "page"],
      ["page=1001", "page"],
      ["page=2.5", "page"],
      ["page=-1", "page"],
      ["pageSize=101", "pageSize"],
      ["pageSize=1&pageSize=2", "pageSize"],
      ["size=10", "size"],
    ];
    for (const [query, field] of cases) {
      const parsed = parseInput(pageQuerySchema, q(query), "en");
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.fields), query).toEqual([field]);
    }
  });

  it("words errors in Chinese for zh-CN", () => {
    const parsed = parseInput(pageQuerySchema, q("page=0&extra=1"), "zh-CN");
    expect(!parsed.ok && parsed.fields.extra).toEqual(["不支持的字段"]);
    expect(!parsed.ok && parsed.fields.page?.[0]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("searchQuerySchema", () => {
  it("requires type and defaults the rest", () => {
    const parsed = parseInput(searchQuerySchema, q("type=needs"), "en");
    expect(parsed).toEqual({ ok: true, data: { q: "", type: "needs", page: 1, limit: 20, sort: "relevance" } });
    const missing = parseInput(searchQuerySchema, q("q=电池"), "en");
    expect(!missing.ok && Object.keys(missing.fields)).toEqual(["type"]);
  });

  it("trims q and caps its length", () => {
    const ok = parseInput(searchQuerySchema, q(`type=results&q=${encodeURIComponent("  固态电池 ")}`), "en");
    expect(ok.ok && ok.data.q).toBe("固态电池");
    const long = parseInput(searchQuerySchema, q(`type=results&q=${"a".repeat(201)}`), "en");
    expect(!long.ok && Object.keys(long.fields)).toEqual(["q"]);
  });

  it("parses filters: integers, comma-separated or repeated modes, blank means not given", () => {
    const parsed = parseInput(searchQuerySchema, q("type=needs&trlMin=3&trlMax=&collaborationModes=LICENCE,%20EQUITY&field="), "en");
    expect(parsed.ok && parsed.data).toMatchObject({ trlMin: 3, trlMax: undefined, collaborationModes: ["LICENCE", "EQUITY"], field: undefined });
    const repeated = parseInput(searchQuerySchema, q("type=needs&collaborationModes=LICENCE&collaborationModes=EQUITY"), "en");
    expect(repeated.ok && repeated.data.collaborationModes).toEqual(["LICENCE", "EQUITY"]);
    const bad = parseInput(searchQuerySchema, q("type=needs&collaborationModes=LICENCE,BARTER&trlMax=0&lang=fr"), "en");
    expect(!bad.ok && Object.keys(bad.fields).sort()).toEqual(["collaborationModes.1", "lang", "trlMax"]);
  });
});

describe("matchesQuerySchema", () => {
  it("defaults limit to 10 and caps it at 50", () => {
    expect(parseInput(matchesQuerySchema, q(""), "en")).toEqual({ ok: true, data: { limit: 10 } });
    expect(parseInput(matchesQuerySchema, q("limit=51"), "en").ok).toBe(false);
  });
});
