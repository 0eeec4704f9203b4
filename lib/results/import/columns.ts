// The bulk-import file format (pure): columns, the downloadable template, and the row schema,
// which is the result form's schema with a required external id (re-imports update by it).
import { z } from "zod";
import { createResultSchema } from "@/lib/results/schemas";
import { toCsvFile } from "@/lib/csv/write-csv";
import { collaborationModesFromText } from "@/lib/import/labels";

export const IMPORT_COLUMNS = [
  "externalId",
  "title",
  "summary",
  "description",
  "field",
  "keywords",
  "trl",
  "transferModes",
  "chainNodeId",
  "advantages",
  "applicationScenarios",
  "patents",
  "priceExpectation",
  "lab",
  "team",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["externalId", "title", "summary", "field"];

export const MAX_IMPORT_ROWS = 20_000;
export { MAX_IMPORT_BYTES } from "@/lib/import/validate-records";

export const importRowSchema = createResultSchema.omit({ lang: true }).extend({
  externalId: z.string().trim().min(1).max(100),
  // Chinese labels for transfer modes, so a spreadsheet can say 许可 instead of LICENCE.
  transferModes: z.preprocess(collaborationModesFromText, createResultSchema.shape.transferModes),
});
export type ImportRow = z.output<typeof importRowSchema>;

export const IMPORT_EXAMPLE: Record<ImportColumn, string> = {
  externalId: "SZU-2025-001",
  title: "抗磁干扰的九轴惯性姿态估计算法",
  summary: "面向可穿戴设备的姿态估计算法，在强磁干扰环境下自动识别并抑制磁力计异常，航向误差小于 2 度。",
  description: "基于自适应卡尔曼滤波，可在 64 MHz MCU 上实时运行。",
  field: "传感器",
  keywords: "姿态估计、磁干扰、IMU",
  trl: "5",
  transferModes: "许可、合作开发",
  chainNodeId: "sensor.fusion",
  advantages: "航向误差 < 2 度；功耗低",
  applicationScenarios: "智能手环、无人机、机器人",
  patents: "CN202310001234.5|INVENTION|GRANTED|CN",
  priceExpectation: "面议",
  lab: "智能感知实验室",
  team: "张教授团队（5 人）",
};

/** The CSV template: header row plus one example row (UTF-8 with BOM so Excel opens it right). */
export function importTemplateCsv(): string {
  return toCsvFile([IMPORT_COLUMNS, IMPORT_COLUMNS.map((c) => IMPORT_EXAMPLE[c])]);
}
