import { describe, expect, it } from "vitest";
import { evaluate, mrrAt, ndcgAt, parseQrels, percentile, recallAt } from "./metrics";

describe("metrics", () => {
  const rel = new Map([
    ["a", 3],
    ["b", 1],
  ]);

  it("nDCG@10 uses gain 2^g-1 and a log2(rank+1) discount", () => {
    expect(ndcgAt(["a", "b"], rel)).toBeCloseTo(1, 10);
    // b first, a second: (1/1 + 7/log2(3)) / (7/1 + 1/log2(3))
    const expected = (1 + 7 / Math.log2(3)) / (7 + 1 / Math.log2(3));
    expect(ndcgAt(["b", "a"], rel)).toBeCloseTo(expected, 10);
    expect(ndcgAt(["x", "y"], rel)).toBe(0);
    // only the top k count
    expect(ndcgAt(["x", "a"], rel, 1)).toBe(0);
  });

  it("recall and MRR", () => {
    expect(recallAt(["x", "a"], rel, 1)).toBe(0);
    expect(recallAt(["x", "a"], rel, 2)).toBe(0.5);
    expect(recallAt(["b", "a"], rel, 100)).toBe(1);
    expect(mrrAt(["x", "y", "b"], rel)).toBeCloseTo(1 / 3);
    expect(mrrAt(["x"], rel)).toBe(0);
  });

  it("percentile is nearest-rank", () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile([], 95)).toBe(0);
  });

  it("parses qrels and skips needs without relevant results", () => {
    const q = parseQrels("n1\tr1\t2\nn1\tr2\t1\nn2\tr9\t0\n\n");
    expect(q.get("n1")?.get("r1")).toBe(2);
    expect(q.has("n2")).toBe(false);
    const figures = evaluate(
      new Map([
        ["n1", ["r1", "r2"]],
        ["n2", ["r9"]],
      ]),
      q,
      [10, 20, 30],
    );
    expect(figures.needs).toBe(1);
    expect(figures["nDCG@10"]).toBe(1);
    expect(figures["Recall@100"]).toBe(1);
    expect(figures.p50_ms).toBe(20);
  });
});
