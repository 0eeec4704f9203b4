import { describe, expect, it } from "vitest";
import { chainNodeLookup } from "@/lib/import/chain-nodes";
import { toCsvLine } from "@/lib/csv/write-csv";
import { IMPORT_COLUMNS, importTemplateCsv } from "./columns";
import { validateImportCsv, wordImportReport } from "./validate";

const nodes = chainNodeLookup([
  { id: "sensor.fusion", nameZh: "多传感器融合", nameEn: "Sensor fusion", chainZh: "智能传感", chainEn: "Smart sensing" },
  { id: "energy.materials", nameZh: "储能材料", nameEn: "Energy-storage materials", chainZh: "新能源", chainEn: "New energy" },
  { id: "auto.materials", nameZh: "材料", nameEn: "Materials", chainZh: "汽车", chainEn: "Automotive" },
  { id: "chip.materials", nameZh: "材料", nameEn: "Materials", chainZh: "芯片", chainEn: "Chips" },
]);
const header = toCsvLine(IMPORT_COLUMNS);
const row = (overrides: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}, i = 1) =>
  toCsvLine(
    IMPORT_COLUMNS.map(
      (c) =>
        ({
          externalId: `EXT-${i}`,
          title: `固态电解质材料 ${i}`,
          summary: "室温离子电导率高于 1 mS/cm 的硫化物固态电解质，适用于动力电池。",
          field: "电池材料",
          keywords: "固态电解质、快充",
          trl: "4",
          transferModes: "许可、LICENCE,合作开发",
          chainNodeId: "energy.materials",
          patents: "CN202310001234.5|invention|granted|cn; CN202320005678.9|UTILITY_MODEL|PENDING|CN",
          ...overrides,
        })[c as "title"] ?? "",
    ),
  );

describe("validateImportCsv", () => {
  it("accepts the downloadable template", () => {
    const report = validateImportCsv(importTemplateCsv(), nodes);
    expect(report.problems).toEqual([]);
    expect(report.valid).toHaveLength(1);
  });

  it("parses labels, lists and patents", () => {
    const { valid } = validateImportCsv([header, row()].join("\n"), nodes);
    expect(valid[0]!.data).toMatchObject({
      externalId: "EXT-1",
      trl: 4,
      keywords: ["固态电解质", "快充"],
      transferModes: ["LICENCE", "LICENCE", "CO_DEVELOPMENT"],
      patents: [
        { number: "CN202310001234.5", type: "INVENTION", status: "GRANTED", jurisdiction: "CN" },
        { number: "CN202320005678.9", type: "UTILITY_MODEL", status: "PENDING", jurisdiction: "CN" },
      ],
    });
  });

  it("lists every bad row with its spreadsheet row number, column and problem", () => {
    const lines = [
      header,
      row({}, 1),
      row({ trl: "12" }, 2),
      row({}, 3),
      row({ title: "", chainNodeId: "nope" }, 4),
      row({ externalId: "EXT-1" }, 5),
      row({ transferModes: "赠送" }, 6),
    ];
    const report = wordImportReport(validateImportCsv(lines.join("\r\n"), nodes), "zh-CN");
    expect(report.totalRows).toBe(6);
    expect(report.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(report.badRows).toEqual([3, 5, 6, 7]);
    expect(report.problems).toEqual([
      { row: 3, column: "trl", problem: "技术成熟度须为 1 到 9 之间的整数" },
      { row: 5, column: "title", problem: expect.any(String) },
      { row: 6, column: "externalId", problem: "文件中外部编号重复（首次出现于第 2 行）" },
      { row: 7, column: "transferModes", problem: expect.any(String) },
    ]);
  });

  it("checks chain nodes against the taxonomy", () => {
    const report = wordImportReport(validateImportCsv([header, row({ chainNodeId: "nope" })].join("\n"), nodes), "en");
    expect(report.problems).toEqual([{ row: 2, column: "chainNodeId", problem: "Unknown industry chain node" }]);
  });

  it("takes chain nodes by id, Chinese or English name (any case) or chain and node, and asks which when a name is shared", () => {
    const named = ["energy.materials", "储能材料", "energy-storage MATERIALS", "新能源 · 储能材料", "Automotive / Materials", "材料"];
    const report = validateImportCsv([header, ...named.map((n, i) => row({ chainNodeId: n }, i + 1))].join("\n"), nodes);
    expect(report.valid.map((v) => v.data.chainNodeId)).toEqual([
      "energy.materials",
      "energy.materials",
      "energy.materials",
      "energy.materials",
      "auto.materials",
    ]);
    expect(wordImportReport(report, "en").problems).toEqual([{ row: 7, column: "chainNodeId", problem: expect.stringContaining("more than one") }]);
    expect(wordImportReport(report, "zh-CN").problems[0]!.problem).toContain("多个");
  });

  it("refuses a file with missing or unknown columns before looking at rows", () => {
    const report = wordImportReport(validateImportCsv("title,summary,colour\nx,y,z", nodes), "en");
    expect(report.fileProblems).toEqual(["Missing required columns: externalId, field", "Unknown columns: colour (use the template)"]);
    expect(report.valid).toEqual([]);
  });
});
