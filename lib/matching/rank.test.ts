import { beforeAll, describe, expect, it } from "vitest";
import { MATCH_CONFIG } from "./config";
import { allTerms, bm25, buildQueryTerms, fuseCandidates, idf, mixQuery, prfCandidates, prfTerms, structuredFit, termDoc } from "./rank";
import { translateEnStems, translateZhWord } from "./translate";

// Loading jieba and the dictionary extract takes seconds on a busy machine: once, outside the tests.
beforeAll(() => void buildQueryTerms({ title: "warm up 预热" }), 60_000);

describe("query terms", () => {
  it("extracts English stems and adds their Chinese renderings (weighted lower)", () => {
    const q = buildQueryTerms({ title: "Heat conduction in composite slabs", body: "" });
    const own = q.filter((t) => !t.translated).map((t) => t.term);
    expect(own).toEqual(["heat", "conduct", "composit", "slab"]);
    const zh = q.filter((t) => t.translated);
    expect(zh.map((t) => t.term)).toEqual(expect.arrayContaining(["热传导", "复合材料"]));
    for (const t of zh) expect(t.weight).toBeLessThan(1);
    expect(zh.find((t) => t.term === "热传导")?.surfaces).toEqual(["heat conduction"]);
  });

  it("extracts Chinese words and adds English stems", () => {
    const q = buildQueryTerms({ title: "锂离子电池正极材料", body: "需要提高能量密度" });
    const own = q.filter((t) => !t.translated).map((t) => t.term);
    expect(own).toEqual(expect.arrayContaining(["锂离子", "电池", "正极", "材料", "能量", "密度"]));
    expect(own).not.toContain("需要");
    const en = q.filter((t) => t.translated).map((t) => t.term);
    expect(en).toEqual(expect.arrayContaining(["lithium", "batteri", "cathod", "energi", "densiti"]));
  });

  it("translates with the curated thesaurus and the dictionary extract", () => {
    expect(translateZhWord("边界层").map((t) => t.term)).toEqual(["boundari", "layer"]);
    expect(translateZhWord("半导体").map((t) => t.term)).toEqual(["semiconductor"]);
    expect(translateEnStems(["boundari", "layer", "transit"]).map((t) => t.term)).toContain("边界层");
  });

  it("caps the number of the subject's own terms", () => {
    const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");
    const q = buildQueryTerms({ title: long }, { ...MATCH_CONFIG, maxQueryTerms: 10 });
    expect(q.filter((t) => !t.translated)).toHaveLength(10);
  });
});

describe("candidate fusion", () => {
  it("prefers documents held by several high-idf term lists, then broad-search rank", () => {
    const ids = fuseCandidates(
      [
        { ids: ["a", "b"], weight: 1 },
        { ids: ["b", "c"], weight: 0.5 },
      ],
      [["c", "d"]],
      { ...MATCH_CONFIG, broadWeight: 0.4, candidateCap: 3 },
    );
    // b: 1.5, a: 1, c: 0.5 + 0.4, d: ~0.39 (cut by the cap)
    expect(ids).toEqual(["b", "a", "c"]);
  });
});

describe("BM25 re-ranking", () => {
  const stats = {
    n: 1000,
    df: new Map([
      ["heat", 100],
      ["slab", 5],
      ["flow", 700],
    ]),
    avgdl: 10,
  };
  const q = new Map([
    ["heat", 1],
    ["slab", 1],
  ]);

  it("scores with idf and saturating tf; title words count more", () => {
    const inTitle = termDoc("t", "slab", "heat flow", MATCH_CONFIG);
    const inBody = termDoc("b", "", "slab heat flow", MATCH_CONFIG);
    expect(allTerms(inTitle).get("slab")).toBe(MATCH_CONFIG.bm25.titleWeight);
    expect(inTitle.len).toBe(MATCH_CONFIG.bm25.titleWeight + 2);
    const a = bm25(q, inTitle, stats);
    const b = bm25(q, inBody, stats);
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.matched.sort()).toEqual(["heat", "slab"]);
    expect(idf(1000, 5)).toBeGreaterThan(idf(1000, 100));
    // terms unknown to the index (df 0) never count
    expect(bm25(new Map([["zzz", 1]]), termDoc("z", "zzz", ""), stats).score).toBe(0);
  });

  it("expands the query from the top documents (pseudo-relevance feedback)", () => {
    const top = [
      { doc: termDoc("1", "slab conduct", "slab heat transient"), score: 5 },
      { doc: termDoc("2", "slab", "heat transient"), score: 4 },
    ];
    const df = new Map([
      ["slab", 5],
      ["conduct", 50],
      ["heat", 100],
      ["transient", 20],
    ]);
    const exp = prfTerms(top, (t) => df.get(t), 1000, 3);
    expect(exp.map((e) => e.term)).toContain("transient");
    const cands = [...top.map((x) => x.doc), termDoc("3", "", "heat heat heat"), termDoc("4", "", "heat")];
    // "heat" is in every candidate, so a rarer word of the top documents is looked up first
    expect(prfCandidates(top, cands, 4).indexOf("transient")).toBeLessThan(prfCandidates(top, cands, 4).indexOf("heat"));
    const mixed = mixQuery(q, exp, 0.5);
    const total = [...mixed.values()].reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(mixed.get("transient")).toBeGreaterThan(0);
  });
});

describe("structured fit", () => {
  it("rewards same chain node, TRL fit and shared modes, and explains them", () => {
    const fit = structuredFit(
      { chainId: "ev", chainNodeId: "ev-battery", field: "新能源", trl: 6, collaborationModes: ["LICENCE", "EQUITY"], region: "深圳" },
      { chainId: "ev", chainNodeId: "ev-battery", field: "新能源", trl: 5, collaborationModes: ["LICENCE"], region: "北京" },
    );
    expect(fit).toMatchObject({ sameChainNode: true, sameChain: true, sameField: true, trlFit: true, sharedModes: ["LICENCE"], sameRegion: false });
    const b = MATCH_CONFIG.bonus;
    expect(fit.bonus).toBeCloseTo(b.sameChainNode + b.sameChain + b.sameField + b.trlFit + b.modeFit, 10);
    expect(structuredFit({ trl: 7 }, { trl: 4 }).trlFit).toBe(false);
    expect(structuredFit({}, { trl: 4 }).trlFit).toBeNull();
    expect(structuredFit({}, {}).bonus).toBe(0);
  });
});
