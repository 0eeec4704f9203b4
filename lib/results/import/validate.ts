// Validation of a results import file (pure): the shared row-by-row validation (lib/import) with
// the results' columns, the result form's schema and a unique external id per file.
import type { ChainNodeLookup } from "@/lib/import/chain-nodes";
import { validateCsvText, validateRecords, type ImportReport as GenericReport, type ImportSpec } from "@/lib/import/validate-records";
import type { CsvRecord } from "@/lib/csv/read-csv";
import { IMPORT_COLUMNS, importRowSchema, MAX_IMPORT_ROWS, REQUIRED_COLUMNS, type ImportRow } from "./columns";

export { unreadableFileReport, wordImportReport, type Problem, type RowProblem } from "@/lib/import/validate-records";
export type ImportReport<P = import("@/lib/import/validate-records").Problem> = GenericReport<ImportRow, P>;

export const RESULT_IMPORT: ImportSpec<ImportRow> = {
  columns: IMPORT_COLUMNS,
  required: REQUIRED_COLUMNS,
  maxRows: MAX_IMPORT_ROWS,
  schema: importRowSchema,
  chainNodeColumn: "chainNodeId",
  uniqueColumn: "externalId",
};

export const validateImportCsv = (text: string, chainNodes: ChainNodeLookup): ImportReport => validateCsvText(text, RESULT_IMPORT, chainNodes);
export const validateImportRecords = (records: readonly CsvRecord[], chainNodes: ChainNodeLookup): ImportReport =>
  validateRecords(records, RESULT_IMPORT, chainNodes);
