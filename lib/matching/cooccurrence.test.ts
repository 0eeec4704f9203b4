import { describe, expect, it } from "vitest";
import { coCount, coocSample, dice, disambiguate } from "./cooccurrence";
import type { QueryTerm } from "./rank";

const tr = (term: string, word: string, weight: number): QueryTerm => ({
  term,
  weight,
  surfaces: [word],
  renderings: [term],
  translated: true,
  from: [{ word, weight }],
});

// A catalogue where "elast" meets "flutter" and "model"; "flexibl" and "think" meet nothing of the need.
const docs = [
  ["flutter", "elast", "model"],
  ["flutter", "elast"],
  ["model", "elast", "wing"],
  ["flexibl", "cabl"],
  ["think", "philosophi"],
  ["wing", "flutter", "model"],
].map((body) => ({ title: [], body }));
const sample = coocSample(docs);
const df = new Map([...sample.postings].map(([t, l]) => [t, l.length]));

describe("co-occurrence sample", () => {
  it("counts the documents two words share", () => {
    expect(coCount([0, 2, 5, 7], [1, 2, 7])).toBe(2);
    expect(dice(sample, "flutter", "elast")).toBeCloseTo((2 * 2) / (3 + 3));
    expect(dice(sample, "flutter", "flutter")).toBe(0);
    expect(dice(sample, "flutter", "absent")).toBe(0);
  });
});

describe("disambiguation by co-occurrence in the catalogue", () => {
  const need = [tr("flutter", "颤振", 1), tr("model", "模型", 1), tr("flexibl", "弹性", 0.6), tr("elast", "弹性", 0.4), tr("think", "考虑", 1)];

  it("keeps a coherent word's weight and lowers the word whose renderings meet none of the others", () => {
    const out = new Map(disambiguate(need, sample, df, { coherence: 0.5, split: false, floor: 0.3 }).map((t) => [t.term, t.weight]));
    expect(out.get("think")).toBeCloseTo(0.5);
    expect(out.get("flutter")! + out.get("model")!).toBeGreaterThan(1.5);
    // without split, a word's renderings keep their dictionary proportions
    expect(out.get("flexibl")! / out.get("elast")!).toBeCloseTo(0.6 / 0.4);
  });

  it("with split, moves a word's weight to the rendering the need's context uses", () => {
    const out = new Map(disambiguate(need, sample, df, { coherence: 1, split: true, floor: 0.3 }).map((t) => [t.term, t.weight]));
    expect(out.get("elast")!).toBeGreaterThan(out.get("flexibl")!);
    expect(out.get("elast")! + out.get("flexibl")!).toBeCloseTo(1);
  });

  it("leaves a need with fewer than two translated words as it is", () => {
    const one = [tr("flutter", "颤振", 1)];
    expect(disambiguate(one, sample, df, { coherence: 0.5, split: true, floor: 0.3 })).toEqual(one);
  });
});
