import { describe, expect, it } from "vitest";
import { aggregateScores, expertTotal, rankApplications, type ScoreRow } from "./scoring";

const criteria = [
  { key: "tech", weight: 50 },
  { key: "team", weight: 30 },
  { key: "cost", weight: 20 },
];
const sheet = (panelMemberId: string, applicationId: string, scores: Record<string, number>): ScoreRow[] =>
  Object.entries(scores).map(([criterionKey, score]) => ({ panelMemberId, applicationId, criterionKey, score }));

describe("weighted score aggregation", () => {
  it("weights criterion scores into a 0..100 total per expert", () => {
    expect(expertTotal(criteria, new Map(Object.entries({ tech: 10, team: 10, cost: 10 })))).toBe(100);
    expect(expertTotal(criteria, new Map(Object.entries({ tech: 8, team: 6, cost: 5 })))).toBeCloseTo(40 + 18 + 10);
    expect(expertTotal(criteria, new Map(Object.entries({ tech: 8, team: 6 })))).toBeNull();
  });

  it("averages the complete experts and reports the spread between them", () => {
    const rows = [
      ...sheet("e1", "a", { tech: 8, team: 6, cost: 5 }), // 68
      ...sheet("e2", "a", { tech: 10, team: 10, cost: 10 }), // 100
      ...sheet("e3", "a", { tech: 2 }), // incomplete
      ...sheet("e1", "b", { tech: 5, team: 5, cost: 5 }), // 50
    ];
    const [a, b, c] = aggregateScores(criteria, rows, ["a", "b", "c"]);
    expect(a).toMatchObject({ applicationId: "a", score: 84, incomplete: ["e3"], spread: { range: 32, stdDev: 16 } });
    expect(a!.criteria).toEqual([
      { key: "tech", mean: 9, min: 8, max: 10 },
      { key: "team", mean: 8, min: 6, max: 10 },
      { key: "cost", mean: 7.5, min: 5, max: 10 },
    ]);
    expect(b).toMatchObject({ score: 50, spread: { range: 0, stdDev: 0 } });
    expect(c).toMatchObject({ score: null, spread: null, experts: [], incomplete: [] });
    expect(rankApplications([c!, b!, a!]).map((s) => s.applicationId)).toEqual(["a", "b", "c"]);
  });

  it("ignores scores on criteria the challenge no longer has and clamps out-of-range scores", () => {
    const rows = [...sheet("e1", "a", { tech: 12, team: 10, cost: 10, old: 0 })];
    expect(aggregateScores(criteria, rows, ["a"])[0]!.score).toBe(100);
  });
});
