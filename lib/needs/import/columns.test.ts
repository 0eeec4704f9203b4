import { describe, expect, it } from "vitest";
import { toCsvLine } from "@/lib/csv/write-csv";
import { chainNodeLookup } from "@/lib/import/chain-nodes";
import { validateCsvText, wordImportReport } from "@/lib/import/validate-records";
import { NEED_IMPORT_COLUMNS, needImportSpec, needImportTemplateCsv } from "./columns";

const nodes = chainNodeLookup([
  { id: "materials.thermal", nameZh: "热管理与导热材料", nameEn: "Thermal management materials", chainZh: "新材料", chainEn: "New materials" },
  { id: "energy.materials", nameZh: "电池材料", nameEn: "Battery materials", chainZh: "新能源", chainEn: "New energy" },
]);
const header = toCsvLine(NEED_IMPORT_COLUMNS);
const row = (over: Partial<Record<(typeof NEED_IMPORT_COLUMNS)[number], string>> = {}) =>
  toCsvLine(
    NEED_IMPORT_COLUMNS.map(
      (c) =>
        ({
          title: "储能电池包高导热界面材料",
          description: "储能电池包在夏季高温下散热不足，需要导热系数更高、可量产的界面材料。",
          field: "新材料",
          keywords: "导热、界面材料",
          ...over,
        })[c as "title"] ?? "",
    ),
  );

describe("needs import rows", () => {
  it("accepts both downloadable templates (chain node by Chinese name, 委托研发 and 公开 as words)", () => {
    for (const importer of ["company", "broker"] as const) {
      const report = validateCsvText(needImportTemplateCsv(importer), needImportSpec(importer), nodes);
      expect(report.problems).toEqual([]);
      expect(report.valid[0]!.data).toMatchObject({
        chainNodeId: "materials.thermal",
        collaborationModes: ["COMMISSIONED_RD", "CO_DEVELOPMENT"],
        visibility: "PUBLIC",
        budgetMinCny: 200000,
      });
    }
  });

  it("checks every row with the wizard's publish rules and words the problems in the reader's language", () => {
    const lines = [
      header,
      row({ chainNodeId: "Battery materials", visibility: "保密", teaser: "寻找导热材料合作" }),
      row({ title: "短" }),
      row({ visibility: "CONFIDENTIAL" }),
      row({ budgetMinCny: "900", budgetMaxCny: "100" }),
      row({ chainNodeId: "不存在的节点", collaborationModes: "赠送" }),
    ];
    const report = validateCsvText(lines.join("\r\n"), needImportSpec("company"), nodes);
    expect(report.valid.map((v) => [v.row, v.data.chainNodeId, v.data.visibility])).toEqual([[2, "energy.materials", "CONFIDENTIAL"]]);
    const zh = wordImportReport(report, "zh-CN");
    expect(zh.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "title"],
      [4, "teaser"],
      [5, "budgetMinCny"],
      [6, "collaborationModes"],
    ]);
    expect(zh.problems.every((p) => !/[a-z]{4,}\./.test(p.problem))).toBe(true);
    // A bad chain node is reported once the row's schema passes.
    const bad = validateCsvText([header, row({ chainNodeId: "不存在的节点" })].join("\n"), needImportSpec("company"), nodes);
    expect(wordImportReport(bad, "en").problems).toEqual([{ row: 2, column: "chainNodeId", problem: "Unknown industry chain node" }]);
  });

  it("asks a broker for the company of each row, and a company's file may not carry one", () => {
    const broker = validateCsvText(`title,description,field\n${row().split(",").slice(0, 3).join(",")}`, needImportSpec("broker"), nodes);
    expect(wordImportReport(broker, "en").fileProblems).toEqual(["Missing required columns: company"]);
    const company = validateCsvText(`company,${header}\n某公司,${row()}`, needImportSpec("company"), nodes);
    expect(wordImportReport(company, "en").fileProblems).toEqual(["Unknown columns: company (use the template)"]);
  });
});
