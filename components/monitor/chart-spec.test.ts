import { describe, expect, it } from "vitest";
import { chartCsv } from "./chart-spec";

describe("chart CSV export", () => {
  it("writes one row per category with a BOM, CRLF and formula-safe cells", () => {
    const csv = chartCsv({
      kind: "line",
      title: "t",
      categories: ["2026-01", "2026-02"],
      series: [
        { name: "发布需求", data: [3, null] },
        { name: "=cmd", data: [1, 2] },
      ],
    });
    expect(csv).toBe("\uFEFF,发布需求,'=cmd\r\n2026-01,3,1\r\n2026-02,,2\r\n");
  });
  it("exports a chain map as its nodes", () => {
    const csv = chartCsv({
      kind: "chainMap",
      title: "m",
      stages: [],
      highLabel: "",
      lowLabel: "",
      nodes: [{ id: "n1", stage: "UPSTREAM", label: "正极, 材料", score: 51.2, demand: 10 }],
    });
    expect(csv.split("\r\n")[1]).toBe('n1,UPSTREAM,"正极, 材料",51.2,10');
  });
});
