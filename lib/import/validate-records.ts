// Validation of an import file (pure), shared by the imports of results and needs: every bad row
// with its row number, column and problem, before anything is written. CSV and XLSX files are
// read into the same row-numbered records (the header first), then each row is checked against
// the same zod schema the form uses, then by the import's own checks (chain nodes by name, ...).
import type { z } from "zod";
import type { FieldIssue, RawIssue } from "@/lib/errors";
import { checkInput, wordIssues, wordValidationKey } from "@/lib/validation/parse-input";
import type { Locale } from "@/i18n/routing";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "@/lib/csv/read-csv";
import { toCsvFile } from "@/lib/csv/write-csv";
import { resolveChainNode, type ChainNodeLookup } from "./chain-nodes";

/** Upload limit of an import file (checked before reading the body and again on the bytes). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** A problem before wording: a validation key with params, or a zod issue (worded by `wordImportReport`). */
export type Problem = FieldIssue | { issue: RawIssue };
export type RowProblem<P = Problem> = { row: number; column: string; problem: P };
export type ValidatedRow<T> = { row: number; data: T };
export type ImportReport<T = unknown, P = Problem> = {
  /** Problems with the file as a whole (missing columns, too many rows): nothing can be imported. */
  fileProblems: P[];
  totalRows: number;
  valid: ValidatedRow<T>[];
  problems: RowProblem<P>[];
  /** Row numbers with at least one problem. */
  badRows: number[];
};

/** What one import reads: its columns, the row schema (the form's), and its own checks. */
export type ImportSpec<T> = {
  columns: readonly string[];
  required: readonly string[];
  maxRows: number;
  schema: z.ZodType<T>;
  /** The column naming a chain node (by id or name); replaced by the node's id. */
  chainNodeColumn?: keyof T & string;
  /** A column whose value must be unique within the file (re-imports update by it). */
  uniqueColumn?: keyof T & string;
  /** Further checks of a parsed row (e.g. that a named company exists): problems by column. */
  check?: (data: T, row: number) => { column: string; problem: Problem }[];
};

const empty = <T>(fileProblems: Problem[]): ImportReport<T> => ({ fileProblems, totalRows: 0, valid: [], problems: [], badRows: [] });

/** A report for a file that could not be read at all. */
export const unreadableFileReport = <T>(problem: Problem): ImportReport<T> => empty<T>([problem]);

export function validateCsvText<T>(text: string, spec: ImportSpec<T>, chainNodes: ChainNodeLookup): ImportReport<T> {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return empty([{ key: "v.import.unclosedQuote", params: { row: e.row } }]);
    throw e;
  }
  return validateRecords(records, spec, chainNodes);
}

export function validateRecords<T>(records: readonly CsvRecord[], spec: ImportSpec<T>, chainNodes: ChainNodeLookup): ImportReport<T> {
  const [header, ...rows] = records;
  if (!header) return empty(["v.import.empty"]);
  const names = header.cells.map((c) => c.trim());
  const unknown = names.filter((n) => n && !spec.columns.includes(n));
  const missing = spec.required.filter((c) => !names.includes(c));
  const fileProblems: Problem[] = [];
  if (missing.length) fileProblems.push({ key: "v.import.missingColumns", params: { columns: missing.join(", ") } });
  if (unknown.length) fileProblems.push({ key: "v.import.unknownColumns", params: { columns: unknown.join(", ") } });
  if (rows.length > spec.maxRows) fileProblems.push({ key: "v.import.tooManyRows", params: { max: spec.maxRows, rows: rows.length } });
  if (rows.length === 0) fileProblems.push("v.import.noRows");
  if (fileProblems.length) return { ...empty(fileProblems), totalRows: rows.length };

  const valid: ValidatedRow<T>[] = [];
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
    const parsed = checkInput(spec.schema, input);
    if (!parsed.ok) {
      for (const issue of parsed.issues) rowProblems.push({ row, column: String(issue.path[0] ?? "-"), problem: { issue } });
    } else {
      let data = parsed.data as T;
      const nodeColumn = spec.chainNodeColumn;
      const named = nodeColumn ? (data[nodeColumn] as unknown) : undefined;
      if (nodeColumn && typeof named === "string" && named) {
        const node = resolveChainNode(chainNodes, named);
        if (node.ok) data = { ...data, [nodeColumn]: node.id };
        else rowProblems.push({ row, column: nodeColumn, problem: node.problem });
      }
      for (const p of spec.check?.(data, row) ?? []) rowProblems.push({ row, ...p });
      const unique = spec.uniqueColumn ? String(data[spec.uniqueColumn]) : undefined;
      if (spec.uniqueColumn && unique !== undefined) {
        const first = seen.get(unique);
        if (first !== undefined) {
          rowProblems.push({ row, column: spec.uniqueColumn, problem: { key: "v.import.duplicateExternalId", params: { first } } });
        } else seen.set(unique, row);
      }
      if (rowProblems.length === 0) valid.push({ row, data });
    }
    problems.push(...rowProblems);
  }
  return { fileProblems: [], totalRows: rows.length, valid, problems, badRows: [...new Set(problems.map((p) => p.row))] };
}

/** Marks more rows bad after validation (checks against the database), keeping the report consistent. */
export function withRowProblems<T>(report: ImportReport<T>, extra: RowProblem[]): ImportReport<T> {
  if (extra.length === 0) return report;
  const bad = new Set(extra.map((p) => p.row));
  const problems = [...report.problems, ...extra].sort((a, b) => a.row - b.row);
  return { ...report, valid: report.valid.filter((v) => !bad.has(v.row)), problems, badRows: [...new Set(problems.map((p) => p.row))] };
}

/** The report in the reader's language (the edge: the import pages, the API). */
export function wordImportReport<T>(report: ImportReport<T>, locale: Locale): ImportReport<T, string> {
  const word = (p: Problem): string =>
    typeof p === "string"
      ? wordValidationKey(p, locale)
      : "issue" in p
        ? Object.values(wordIssues([p.issue], locale))[0]![0]!
        : wordValidationKey(p.key, locale, p.params);
  return { ...report, fileProblems: report.fileProblems.map(word), problems: report.problems.map((p) => ({ ...p, problem: word(p.problem) })) };
}

/** The worded report as a CSV file to download (row, column, problem; problems of the whole file without a row). */
export function importReportCsv(report: Pick<ImportReport<unknown, string>, "fileProblems" | "problems">, header: readonly [string, string, string]): string {
  return toCsvFile([header, ...report.fileProblems.map((p) => ["", "", p]), ...report.problems.map((p) => [p.row, p.column, p.problem])]);
}
