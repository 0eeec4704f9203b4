import { describe, expect, it } from "vitest";
import { combineResearchers } from "./combine";

describe("combineResearchers", () => {
  it("groups results by author and adds the expertise signal", () => {
    const ranked = combineResearchers(
      [
        { resultId: "r1", title: "A", authorId: "alice", score: 0.5 },
        { resultId: "r2", title: "B", authorId: "bob", score: 0.4 },
        { resultId: "r3", title: "C", authorId: "alice", score: 0.25 },
      ],
      [
        { userId: "bob", share: 0.4, matchedWords: ["电解质"] },
        { userId: "carol", share: 0.1, matchedWords: ["电池"] },
      ],
    );
    expect(ranked.map((r) => r.userId)).toEqual(["bob", "alice", "carol"]);
    expect(ranked.find((r) => r.userId === "alice")!.results.map((r) => r.id)).toEqual(["r1", "r3"]);
    expect(ranked[0]!.expertiseWords).toEqual(["电解质"]);
    expect(ranked[0]!.score).toBeCloseTo(0.6 * 0.4 + 0.4);
  });
  it("shows the best result's calibrated score, never a figure relative to the other researchers", () => {
    const ranked = combineResearchers(
      [
        { resultId: "r1", title: "A", authorId: "alice", score: 0.3 },
        { resultId: "r2", title: "B", authorId: "alice", score: 0.6 },
      ],
      [{ userId: "carol", share: 0.5, matchedWords: ["电池"] }],
    );
    expect(ranked.find((r) => r.userId === "alice")!.matchScore).toBe(0.6);
    expect(ranked.find((r) => r.userId === "alice")!.results.map((r) => r.id)).toEqual(["r2", "r1"]);
    expect(ranked.find((r) => r.userId === "carol")!.matchScore).toBeNull();
  });
  it("does not recommend the author of a result below the good-match threshold", () => {
    const ranked = combineResearchers([{ resultId: "r1", title: "A", authorId: "alice", score: 0.05 }], []);
    expect(ranked).toEqual([]);
  });
  it("ranks by expertise alone when no result matched", () => {
    expect(combineResearchers([], [{ userId: "x", share: 0.2, matchedWords: [] }]).map((r) => r.userId)).toEqual(["x"]);
  });
});
