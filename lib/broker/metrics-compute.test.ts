import { describe, expect, it } from "vitest";
import { groupMetrics, metricsCsv, metricsOf, type DealFact } from "./metrics-compute";

const t0 = new Date("2026-01-01T00:00:00Z");
const h = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const deal = (over: Partial<DealFact>): DealFact => ({
  broker: "王经纪",
  office: "深圳技术转移中心",
  createdAt: t0,
  firstResponseAt: null,
  states: ["SUGGESTED"],
  contractValueCny: null,
  ...over,
});

describe("broker metrics", () => {
  const deals = [
    deal({ firstResponseAt: h(10), states: ["SUGGESTED", "INTRODUCED", "NDA_SIGNED", "NEGOTIATING", "CONTRACT_SIGNED"], contractValueCny: 1_200_000 }),
    deal({ firstResponseAt: h(30), states: ["SUGGESTED", "INTRODUCED", "NDA_SIGNED", "DECLINED"] }),
    deal({ firstResponseAt: h(20), states: ["SUGGESTED", "DECLINED"] }),
    deal({ states: ["SUGGESTED"] }),
    deal({ broker: "Li", office: "Uni TTO", firstResponseAt: h(5), states: ["SUGGESTED", "INTRODUCED", "STALLED"] }),
  ];

  it("counts stages reached (declined deals keep how far they got) and converts stage to stage", () => {
    const m = metricsOf("all", deals);
    expect(m.reached).toEqual([5, 3, 2, 1, 1, 0, 0]);
    expect(m.conversion).toEqual([null, 0.6, 0.667, 0.5, 1, 0, null]);
    expect(m.contracts).toBe(1);
    expect(m.contractValueCny).toBe(1_200_000);
  });

  it("takes the median time to first response over answered deals", () => {
    const m = metricsOf("all", deals);
    expect(m.responded).toBe(4);
    expect(m.medianHoursToFirstResponse).toBe(15);
    expect(metricsOf("none", [deal({})]).medianHoursToFirstResponse).toBeNull();
  });

  it("groups per broker and per office", () => {
    expect(groupMetrics(deals, "broker").map((g) => [g.name, g.deals])).toEqual([
      ["王经纪", 4],
      ["Li", 1],
    ]);
    expect(groupMetrics(deals, "office").map((g) => [g.name, g.contractValueCny])).toEqual([
      ["深圳技术转移中心", 1_200_000],
      ["Uni TTO", 0],
    ]);
  });

  it("writes CSV with a header, quoting and no formula injection", () => {
    const csv = metricsCsv(groupMetrics(deals, "broker").map((metrics) => ({ scope: "broker" as const, metrics })));
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "scope,name,deals,responded,median_hours_to_first_response,reached_INTRODUCED,reached_NDA_SIGNED,reached_NEGOTIATING,reached_CONTRACT_SIGNED,reached_IN_DELIVERY,reached_COMPLETED,conversion_INTRODUCED,conversion_NDA_SIGNED,conversion_NEGOTIATING,conversion_CONTRACT_SIGNED,conversion_IN_DELIVERY,conversion_COMPLETED,contracts,contract_value_cny",
    );
    expect(lines[1]).toBe("broker,王经纪,4,3,20,2,2,1,1,0,0,0.5,1,0.5,1,0,,1,1200000");
  });
});
