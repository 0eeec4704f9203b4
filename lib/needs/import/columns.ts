// The needs import file format (pure): columns, the downloadable template and the row spec. A
// company imports its own needs; a broker imports needs collected on visits and names the company
// on each row. Rows are checked with the wizard's publish rules; they become drafts the company
// reviews and publishes.
import { toCsvFile } from "@/lib/csv/write-csv";
import type { ImportSpec } from "@/lib/import/validate-records";
import { NEED_INPUT_FIELDS } from "@/lib/needs/need-input-fields";
import { brokerNeedImportRowSchema, needImportRowSchema, type NeedImportRow } from "@/lib/needs/schemas";

export const NEED_IMPORT_COLUMNS = NEED_INPUT_FIELDS;
export const NEED_REQUIRED_COLUMNS = ["title", "description", "field"] as const;
/** Brokers name the company of each row. */
export const COMPANY_COLUMN = "company";
export const MAX_NEED_IMPORT_ROWS = 2_000;

export type NeedImporter = "company" | "broker";

export function needImportColumns(importer: NeedImporter): readonly string[] {
  return importer === "broker" ? [COMPANY_COLUMN, ...NEED_IMPORT_COLUMNS] : NEED_IMPORT_COLUMNS;
}

export function needImportSpec(importer: NeedImporter, check?: ImportSpec<NeedImportRow>["check"]): ImportSpec<NeedImportRow> {
  return {
    columns: needImportColumns(importer),
    required: importer === "broker" ? [COMPANY_COLUMN, ...NEED_REQUIRED_COLUMNS] : NEED_REQUIRED_COLUMNS,
    maxRows: MAX_NEED_IMPORT_ROWS,
    schema: importer === "broker" ? brokerNeedImportRowSchema : needImportRowSchema,
    chainNodeColumn: "chainNodeId",
    check,
  };
}

export const NEED_IMPORT_EXAMPLE: Record<string, string> = {
  company: "深圳某某新能源科技有限公司",
  title: "储能电池包高导热界面材料",
  description: "储能电池包在夏季高温下散热不足，需要降功率运行。希望找到导热系数更高、可量产的界面材料，替代现有硅脂垫片。",
  field: "新材料",
  keywords: "导热材料、界面材料、储能",
  visibility: "公开",
  teaser: "",
  chainNodeId: "热管理与导热材料",
  trlTarget: "6",
  budgetMinCny: "200000",
  budgetMaxCny: "800000",
  collaborationModes: "委托研发、合作开发",
  region: "深圳市南山区",
  triedSoFar: "试过两家供应商的硅脂垫片，导热系数约 3 W/mK，不够。",
  desiredOutcome: "导热系数 ≥ 8 W/mK，厚度 0.5–2 mm，可卷对卷生产。",
  acceptanceCriteria: "第三方检测报告；小批量 1000 片装机测试。",
  constraints: "材料成本不高于现有方案的 1.5 倍。",
  deadline: "",
};

/** The CSV template: header row plus one example row (UTF-8 with BOM so Excel opens it right). */
export function needImportTemplateCsv(importer: NeedImporter): string {
  const columns = needImportColumns(importer);
  return toCsvFile([columns, columns.map((c) => NEED_IMPORT_EXAMPLE[c] ?? "")]);
}
