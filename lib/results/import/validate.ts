// Validation of an import file (pure): every bad row with its row number, column and problem,
// before anything is written.
import { translateValidationKey } from "@/lib/validation/messages";
import { parseInput, type UiLocale } from "@/lib/validation/parse-input";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "@/lib/csv/read-csv";
import { IMPORT_COLUMNS, importRowSchema, MAX_IMPORT_ROWS, REQUIRED_COLUMNS, type ImportRow } from "./columns";

export type RowProblem = { row: number; column: string; problem: string };
export type ValidatedRow = { row: number; data: ImportRow };
export type ImportReport = {
  /** Problems with the file as a whole (missing columns, too many rows): nothing can be imported. */
  fileProblems: string[];
  totalRows: number;
  valid: ValidatedRow[];
  problems: RowProblem[];
  /** Row numbers with at least one problem. */
  badRows: number[];
};

const t = (locale: UiLocale, zh: string, en: string) => (locale === "en" ? en : zh);

const empty = (fileProblems: string[]): ImportReport => ({ fileProblems, totalRows: 0, valid: [], problems: [], badRows: [] });

/** A report for a file that could not be read at all. */
export const unreadableFileReport = (problem: string): ImportReport => empty([problem]);

export function validateImportCsv(text: string, knownChainNodeIds: ReadonlySet<string>, locale: UiLocale): ImportReport {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return empty([t(locale, `第 ${e.row} 行：引号未闭合`, `Row ${e.row}: unclosed quote`)]);
    throw e;
  }
  return validateImportRecords(records, knownChainNodeIds, locale);
}

/**
 * The validation both formats share: CSV and XLSX files are read into the same row-numbered
 * records (the header first), then checked here row by row against the import schema.
 */
export function validateImportRecords(records: readonly CsvRecord[], knownChainNodeIds: ReadonlySet<string>, locale: UiLocale): ImportReport {
  const [header, ...rows] = records;
  if (!header) return empty([t(locale, "文件为空", "The file is empty")]);
  const names = header.cells.map((c) => c.trim());
  const unknown = names.filter((n) => n && !(IMPORT_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const fileProblems: string[] = [];
  if (missing.length) fileProblems.push(t(locale, `缺少必需的列：${missing.join("、")}`, `Missing required columns: ${missing.join(", ")}`));
  if (unknown.length)
    fileProblems.push(t(locale, `未知的列：${unknown.join("、")}（请使用模板）`, `Unknown columns: ${unknown.join(", ")} (use the template)`));
  if (rows.length > MAX_IMPORT_ROWS)
    fileProblems.push(t(locale, `最多 ${MAX_IMPORT_ROWS} 行，文件有 ${rows.length} 行`, `At most ${MAX_IMPORT_ROWS} rows; the file has ${rows.length}`));
  if (rows.length === 0) fileProblems.push(t(locale, "文件中没有数据行", "The file has no data rows"));
  if (fileProblems.length) return { ...empty(fileProblems), totalRows: rows.length };

  const valid: ValidatedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const input: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name && cells[i] !== undefined && cells[i] !== "") input[name] = cells[i]!;
    });
    const rowProblems: RowProblem[] = [];
    if (cells.length > names.length && cells.slice(names.length).some((c) => c.trim() !== "")) {
      rowProblems.push({ row, column: "-", problem: t(locale, "多出的单元格（列数多于表头）", "More cells than header columns") });
    }
    const parsed = parseInput(importRowSchema, input, locale);
    if (!parsed.ok) {
      for (const [path, messages] of Object.entries(parsed.fields)) {
        rowProblems.push({ row, column: path.split(".")[0]!, problem: messages.join("; ") });
      }
    } else {
      const { chainNodeId, externalId } = parsed.data;
      if (chainNodeId && !knownChainNodeIds.has(chainNodeId)) {
        rowProblems.push({ row, column: "chainNodeId", problem: translateValidationKey("v.chainNode", locale) });
      }
      const first = seen.get(externalId);
      if (first !== undefined) {
        rowProblems.push({
          row,
          column: "externalId",
          problem: `${translateValidationKey("v.duplicateExternalId", locale)} (${t(locale, "首次出现于第", "first on row")} ${first}${t(locale, " 行", "")})`,
        });
      } else seen.set(externalId, row);
      if (rowProblems.length === 0) valid.push({ row, data: parsed.data });
    }
    problems.push(...rowProblems);
  }
  return { fileProblems: [], totalRows: rows.length, valid, problems, badRows: [...new Set(problems.map((p) => p.row))] };
}
