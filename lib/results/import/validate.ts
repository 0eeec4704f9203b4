// Validation of an import file (pure): every bad row with its row number, column and problem,
// before anything is written.
import type { FieldIssue, RawIssue } from "@/lib/errors";
import { checkInput, wordIssues, wordValidationKey } from "@/lib/validation/parse-input";
import type { Locale } from "@/i18n/routing";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "@/lib/csv/read-csv";
import { IMPORT_COLUMNS, importRowSchema, MAX_IMPORT_ROWS, REQUIRED_COLUMNS, type ImportRow } from "./columns";

/** A problem before wording: a validation key with params, or a zod issue (worded by `wordImportReport`). */
export type Problem = FieldIssue | { issue: RawIssue };
export type RowProblem<P = Problem> = { row: number; column: string; problem: P };
export type ValidatedRow = { row: number; data: ImportRow };
export type ImportReport<P = Problem> = {
  /** Problems with the file as a whole (missing columns, too many rows): nothing can be imported. */
  fileProblems: P[];
  totalRows: number;
  valid: ValidatedRow[];
  problems: RowProblem<P>[];
  /** Row numbers with at least one problem. */
  badRows: number[];
};

const empty = (fileProblems: Problem[]): ImportReport => ({ fileProblems, totalRows: 0, valid: [], problems: [], badRows: [] });

/** A report for a file that could not be read at all. */
export const unreadableFileReport = (problem: Problem): ImportReport => empty([problem]);

export function validateImportCsv(text: string, knownChainNodeIds: ReadonlySet<string>): ImportReport {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return empty([{ key: "v.import.unclosedQuote", params: { row: e.row } }]);
    throw e;
  }
  return validateImportRecords(records, knownChainNodeIds);
}

/**
 * The validation both formats share: CSV and XLSX files are read into the same row-numbered
 * records (the header first), then checked here row by row against the import schema.
 */
export function validateImportRecords(records: readonly CsvRecord[], knownChainNodeIds: ReadonlySet<string>): ImportReport {
  const [header, ...rows] = records;
  if (!header) return empty(["v.import.empty"]);
  const names = header.cells.map((c) => c.trim());
  const unknown = names.filter((n) => n && !(IMPORT_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const fileProblems: Problem[] = [];
  if (missing.length) fileProblems.push({ key: "v.import.missingColumns", params: { columns: missing.join(", ") } });
  if (unknown.length) fileProblems.push({ key: "v.import.unknownColumns", params: { columns: unknown.join(", ") } });
  if (rows.length > MAX_IMPORT_ROWS) fileProblems.push({ key: "v.import.tooManyRows", params: { max: MAX_IMPORT_ROWS, rows: rows.length } });
  if (rows.length === 0) fileProblems.push("v.import.noRows");
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
      rowProblems.push({ row, column: "-", problem: "v.import.extraCells" });
    }
    const parsed = checkInput(importRowSchema, input);
    if (!parsed.ok) {
      for (const issue of parsed.issues) rowProblems.push({ row, column: String(issue.path[0] ?? "-"), problem: { issue } });
    } else {
      const { chainNodeId, externalId } = parsed.data;
      if (chainNodeId && !knownChainNodeIds.has(chainNodeId)) {
        rowProblems.push({ row, column: "chainNodeId", problem: "v.chainNode" });
      }
      const first = seen.get(externalId);
      if (first !== undefined) {
        rowProblems.push({
          row,
          column: "externalId",
          problem: { key: "v.import.duplicateExternalId", params: { first } },
        });
      } else seen.set(externalId, row);
      if (rowProblems.length === 0) valid.push({ row, data: parsed.data });
    }
    problems.push(...rowProblems);
  }
  return { fileProblems: [], totalRows: rows.length, valid, problems, badRows: [...new Set(problems.map((p) => p.row))] };
}

/** The report in the reader's language (the edge: the import page, the API). */
export function wordImportReport(report: ImportReport, locale: Locale): ImportReport<string> {
  const word = (p: Problem): string =>
    typeof p === "string"
      ? wordValidationKey(p, locale)
      : "issue" in p
        ? Object.values(wordIssues([p.issue], locale))[0]![0]!
        : wordValidationKey(p.key, locale, p.params);
  return { ...report, fileProblems: report.fileProblems.map(word), problems: report.problems.map((p) => ({ ...p, problem: word(p.problem) })) };
}
