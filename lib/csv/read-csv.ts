// RFC 4180 CSV reading with csv-parse (pure). Quoted fields with commas, doubled quotes and line
// breaks; CRLF, LF or CR line ends; a UTF-8 BOM. Each record keeps the spreadsheet row number
// where it starts (the header is row 1), so a validation report points at the row the user sees.
import type { Info } from "csv-parse";
import { CsvError, parse } from "csv-parse/sync";

export type CsvRecord = { row: number; cells: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

type ParsedRecord = { record: string[]; info: Info };

const lineBreaks = (cells: readonly string[]) => cells.reduce((n, c) => n + c.split("\n").length - 1, 0);

export function parseCsv(text: string): CsvRecord[] {
  // One line end for the parser, so that its line count is the spreadsheet's row number (a CRLF
  // inside a quoted cell becomes LF, as a spreadsheet shows it anyway).
  const normalised = text.replace(/\r\n?/g, "\n");
  let parsed: ParsedRecord[];
  try {
    parsed = parse(normalised, {
      bom: true,
      info: true,
      record_delimiter: "\n",
      relax_column_count: true,
      // A quote inside an unquoted cell is a character, as spreadsheets write it.
      relax_quotes: true,
      // Blank lines are not records (they still count as rows).
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[]; // csv-parse's types do not model `info: true`
  } catch (error) {
    if (error instanceof CsvError) throw new CsvSyntaxError(typeof error.lines === "number" ? error.lines : 1, error.message);
    throw error;
  }
  // `info.lines` is the line a record ends on; it starts as many lines earlier as its cells hold breaks.
  return parsed.map(({ record, info }) => ({ row: info.lines - lineBreaks(record), cells: record }));
}
