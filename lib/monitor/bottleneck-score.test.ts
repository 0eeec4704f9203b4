import { describe, expect, it } from "vitest";
import { densify, EMPTY_FLOWS, monthRange, scoreOf, scoreSeries, scoreTrend, SCORE_WEIGHTS, type MonthFlows } from "./bottleneck-score";

const month = (m: string, f: Partial<MonthFlows>): MonthFlows => ({ month: m, ...EMPTY_FLOWS, ...f });

describe("bottleneck score (hand-computed)", () => {
  it("weights add up to 1", () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("ten new needs, nothing matched, no supply: 51.2", () => {
    // open 10 -> 10/30*.15 = .05; growth 1 -> .10; unmet 10 -> 10/20*.20 = .10; days to match 90 (all
    // waiting) -> 90/120*.10 = .075; days to contact 90 -> 90/135*.10 = .0667; no ended need -> 0;
    // supply shortage 10/10 -> .12; TRL gap unknown -> 0. Sum .5117.
    const [p] = scoreSeries([month("2026-01", { posted: 10 })]);
    expect(p!.components).toMatchObject({ openDemand: 10, unmetDemand: 10, demandGrowth: 1, daysToMatch: 90, daysToContact: 90, unsolvedShare: null });
    expect(p!.score).toBe(51.2);
  });

  it("ten needs all solved fast with plenty of supply: 11.6", () => {
    // growth 1 -> .10; match 2 days -> 2/32*.10 = .00625; contact 5 days -> 5/50*.10 = .01; the rest 0.
    const [p] = scoreSeries([
      month("2026-01", { posted: 10, leftUnmet: 10, solved: 10, resultsPublished: 20, matchDaysSum: 20, matchDaysN: 10, contactDaysSum: 50, contactDaysN: 10 }),
    ]);
    expect(p!.components.openDemand).toBe(0);
    expect(p!.score).toBe(11.6);
  });

  it("stocks run over the months, growth compares the last 3 months with the 3 before", () => {
    const months = monthRange("2025-11", "2026-04");
    expect(months).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]);
    const series = densify(
      [
        month("2025-11", { posted: 2 }),
        month("2025-11", { posted: 2 }), // a second region of the same month is summed
        month("2026-02", { posted: 4, expiredUnsolved: 2, leftUnmet: 2 }),
        month("2026-04", { posted: 8, solved: 2, leftUnmet: 3 }),
      ],
      months,
    );
    const points = scoreSeries(series);
    const last = points.at(-1)!.components;
    expect(last.openDemand).toBe(16 - 4);
    expect(last.unmetDemand).toBe(16 - 5);
    expect(last.demandGrowth).toBe(2); // 12 posted in Feb-Apr vs 4 in Nov-Jan
    expect(last.unsolvedShare).toBe(0.5);
    expect(scoreTrend(points)).toBeGreaterThan(0);
  });

  it("an unmet need raises the score; supply and a smaller TRL gap lower it", () => {
    const base = { openDemand: 5, demandGrowth: 0, unmetDemand: 2, daysToMatch: 10, daysToContact: 20, unsolvedShare: 0.2, supply: 5, trlGap: 1 };
    const parts = { results: 5, researchers: 0, instruments: 0 };
    const b = { ...base, ...parts };
    expect(scoreOf({ ...b, unmetDemand: 5 })).toBeGreaterThan(scoreOf(b));
    expect(scoreOf({ ...b, supply: 50 })).toBeLessThan(scoreOf(b));
    expect(scoreOf({ ...b, trlGap: 0 })).toBeLessThan(scoreOf(b));
    expect(scoreOf({ ...b, openDemand: 0, unmetDemand: 0, daysToMatch: null, daysToContact: null, unsolvedShare: null, trlGap: null })).toBe(0);
  });

  it("supply counts results, researchers and instruments alike", () => {
    // 10 open needs; supply 2 results + 5 researchers + 3 instruments = 10 -> shortage 10/20 = .5 -> .06
    // instead of .12 with no supply: the score drops by 6.0.
    const none = scoreSeries([month("2026-01", { posted: 10 })])[0]!;
    const [p] = scoreSeries([month("2026-01", { posted: 10, resultsPublished: 2, researchersJoined: 5, instrumentsJoined: 3 })]);
    expect(p!.components).toMatchObject({ supply: 10, results: 2, researchers: 5, instruments: 3 });
    expect(p!.score).toBe(Math.round((none.score - 6) * 10) / 10);
  });
});
