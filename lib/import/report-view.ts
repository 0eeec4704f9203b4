// What an import action hands back to its form (pure, client-safe): the worded report, what was
// written, and the report as a CSV file to download.
import type { RowProblem } from "./validate-records";

export type ImportReportView = {
  written: boolean;
  totalRows: number;
  validRows: number;
  problems: RowProblem<string>[];
  fileProblems: string[];
  created: number;
  updated: number;
  /** The row report (row, column, problem) as CSV for spreadsheets. */
  reportCsv: string;
};

export type ImportMode = "validate" | "all-or-nothing" | "valid-only";
