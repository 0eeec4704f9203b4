// RFC 4180 CSV reading (pure). Handles a UTF-8 BOM, quoted fields with commas, doubled quotes and
// line breaks, CRLF/LF endings. Each record keeps the spreadsheet row number where it starts
// (the header is row 1), so the validation report points at the row the user sees.

export type CsvRecord = { row: number; cells: string[] };

export class CsvSyntaxError extends Error {
  constructor(readonly row: number, message: string) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordStart = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    // A blank line is not a record.
    if (!(cells.length === 1 && cells[0] === "")) records.push({ row: recordStart, cells });
    cells = [];
    cell = "";
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordStart = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordStart, "unclosed quote");
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

const needsQuotes = /[",\r\n]/;

/** One CSV line (no line break), quoting cells that need it. Cells starting with = + - @ are
 *  prefixed with ' so a spreadsheet never runs them as formulas. */
export function toCsvLine(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const safe = /^[=+\-@]/.test(c) ? `'${c}` : c;
      return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(",");
}
