import { describe, expect, it } from "vitest";
import { confidentMatches } from "./confidence";

const m = (id: string, score: number, terms: number) => ({ id, score, explanation: { matchedTerms: Array.from({ length: terms }, (_, i) => i) } });

describe("confidentMatches", () => {
  it("keeps matches with enough shared terms and a score near the best, in order", () => {
    const picked = confidentMatches([m("a", 10, 5), m("b", 4, 3), m("c", 2.9, 4), m("d", 9, 1)], { minMatchedTerms: 2, minRelativeScore: 0.3 });
    expect(picked.map((x) => x.id)).toEqual(["a", "b"]);
  });
  it("tells no one about a match below the alert floor on the calibrated scale, even the best of its event", () => {
    expect(confidentMatches([m("a", 0.015, 5), m("b", 0.01, 4)])).toEqual([]);
    expect(confidentMatches([m("a", 0.62, 5), m("b", 0.15, 4)]).map((x) => x.id)).toEqual(["a"]);
    expect(confidentMatches([m("a", 0.04, 5), m("b", 0.027, 5)]).map((x) => x.id)).toEqual(["a", "b"]);
  });
  it("tells no one when nothing scores", () => {
    expect(confidentMatches([m("a", 0, 4)])).toEqual([]);
    expect(confidentMatches([])).toEqual([]);
  });
});
