import { describe, expect, it } from "vitest";
import { conceptDf, isConcept, structuredQuery } from "./concepts";
import { bm25, termDoc, type QueryTerm } from "./rank";

const term = (t: string, weight: number, from?: { word: string; weight: number }[]): QueryTerm => ({
  term: t,
  weight,
  surfaces: [t],
  renderings: [t],
  translated: !!from,
  ...(from ? { from } : {}),
});

describe("structured translation", () => {
  const terms = [
    term("飞机", 1),
    term("aircraft", 0.6, [{ word: "飞机", weight: 0.6 }]),
    term("airplan", 0.2, [{ word: "飞机", weight: 0.2 }]),
    term("plane", 0.2, [{ word: "飞机", weight: 0.2 }]),
    term("heat", 0.5, [{ word: "受热", weight: 0.5 }]),
  ];

  it("turns the renderings of one word into one concept weighted by their sum", () => {
    const { query, concepts } = structuredQuery(terms);
    expect(query.get("飞机")).toBe(1);
    const keys = [...query.keys()].filter(isConcept);
    expect(keys).toHaveLength(2);
    const plane = concepts.get(keys[0]!)!;
    expect(query.get(keys[0]!)).toBeCloseTo(1);
    expect(plane.get("aircraft")).toBeCloseTo(0.6);
    expect([...plane.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(query.has("aircraft")).toBe(false);
  });

  it("gives a concept the probability-weighted document frequency of its renderings", () => {
    const members = new Map([
      ["aircraft", 0.6],
      ["airplan", 0.4],
    ]);
    expect(conceptDf(members, new Map([["aircraft", 100]]))).toBeCloseTo(60);
  });

  it("scores a document by the concept, whichever rendering it uses", () => {
    const { query, concepts } = structuredQuery(terms);
    const df = new Map<string, number>([
      ["aircraft", 50],
      ["airplan", 5],
      ["plane", 20],
      ["heat", 100],
    ]);
    for (const [k, m] of concepts) df.set(k, conceptDf(m, df));
    const stats = { n: 1000, df, avgdl: 10, concepts };
    const a = bm25(query, termDoc("a", "aircraft wing", "heat"), stats);
    const b = bm25(query, termDoc("b", "airplan wing", "heat"), stats);
    expect(a.score).toBeGreaterThan(b.score); // the more probable rendering counts more
    expect(b.score).toBeGreaterThan(bm25(query, termDoc("c", "wing", "heat"), stats).score);
    // explanations name the rendering found, never the concept
    expect(a.matched.sort()).toEqual(["aircraft", "heat"]);
  });
});
