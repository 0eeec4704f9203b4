// CSV writing with csv-stringify (pure): cells quoted where needed, and a cell that a spreadsheet
// would run as a formula (= + - @, tab or CR first) is prefixed with an apostrophe.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

// csv-stringify quotes a cell holding the record delimiter (CRLF) but not a bare LF or CR: those
// are quoted too, or a spreadsheet would start a new row inside the cell.
const options = { escape_formulas: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

/** One CSV line, without its line break. */
export function toCsvLine(cells: readonly CsvCell[]): string {
  return stringify([[...cells]], { ...options, eof: false });
}

/** A whole file for spreadsheets: UTF-8 BOM (so Excel reads Chinese correctly) and CRLF line ends. */
export function toCsvFile(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${stringify(
    rows.map((r) => [...r]),
    options,
  )}`;
}
