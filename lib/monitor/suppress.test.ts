import { describe, expect, it } from "vitest";
import { ALL_CHAINS, METRIC_KEYS, suppressMetrics, type RawMetricRow } from "./suppress";

const row = (chainId: string, needsPosted: number, extra: Partial<RawMetricRow> = {}): RawMetricRow => ({
  chainId,
  quarter: "2026-Q1",
  needsPosted,
  matchedWithin7d: Math.floor(needsPosted / 2),
  contacted: Math.floor(needsPosted / 2),
  introductions: needsPosted,
  contracts: 0,
  contractValueCny: 0,
  medianDaysToContact: 10,
  medianDaysToContract: null,
  ...extra,
});

describe("small-cell suppression", () => {
  it("hides a row of fewer than 5 needs and, by complement, the next smallest chain row", () => {
    const out = suppressMetrics([row(ALL_CHAINS, 26), row("a", 12), row("b", 10), row("c", 4)]);
    const by = (id: string) => out.find((r) => r.chainId === id)!;
    expect(by("c").needsPosted).toBeNull();
    expect(by("b").needsPosted).toBeNull(); // otherwise c = 26 - 12 - 10
    expect(by("a").needsPosted).toBe(12);
    expect(by(ALL_CHAINS).needsPosted).toBe(26);
  });

  it("hides contract value and time to contract below 5 contracts, and median contact time below 5 contacted needs", () => {
    const [r] = suppressMetrics([row("a", 20, { contracts: 3, contractValueCny: 900_000, medianDaysToContract: 40, contacted: 4 })]);
    expect(r).toMatchObject({ contracts: 3, contractValueCny: null, medianDaysToContract: null, medianDaysToContact: null, contactedPct: 20 });
  });

  it("never leaves exactly one hidden chain cell next to a shown total", () => {
    const raw = [
      row(ALL_CHAINS, 40, { contracts: 9 }),
      row("a", 20, { contracts: 6 }),
      row("b", 8, { contracts: 2 }),
      row("", 6, { contracts: 1 }),
      row("d", 6),
    ];
    const out = suppressMetrics(raw);
    for (const key of METRIC_KEYS) {
      const hidden = out.filter((r) => r.chainId !== ALL_CHAINS && r[key] === null).length;
      const total = out.find((r) => r.chainId === ALL_CHAINS)![key];
      if (total !== null) expect(hidden === 0 || hidden >= 2, key).toBe(true);
    }
  });
});
