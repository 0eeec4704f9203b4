// XLSX import files: what a file is (by its bytes), reading the first sheet into the same
// row-numbered records the CSV reader gives, and writing a downloadable template. Shared by the
// imports of results and needs.
import { fileTypeFromBuffer } from "file-type/core";
import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import type { CsvRecord } from "@/lib/csv/read-csv";

export type ImportFormat = "csv" | "xlsx";
/** Why a file is refused before it is read. */
export type FormatRefusal = "legacyXls" | "notXlsx" | "binary";

/**
 * Decides the format from the bytes (file-type's signatures); the name only tells what the user
 * meant. A ZIP is read as XLSX whatever its name (the reader reports a ZIP that is no workbook as
 * unreadable); an OLE compound file is an Excel 97-2003 .xls; a file named .xlsx that is neither
 * is refused; anything else must be text (no NUL bytes in its first 8 KB) to be read as CSV.
 * Text is judged by NUL bytes, not by file-type, which names some formats by two bytes that a
 * CSV header may start with ("BM" for BMP).
 */
export async function detectImportFormat(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ ok: true; format: ImportFormat } | { ok: false; reason: FormatRefusal }> {
  const type = await fileTypeFromBuffer(bytes);
  if (type?.ext === "xlsx" || type?.ext === "zip") return { ok: true, format: "xlsx" };
  if (type?.ext === "cfb" || type?.ext === "xls") return { ok: false, reason: "legacyXls" };
  if (/\.xlsx$/i.test(fileName)) return { ok: false, reason: "notXlsx" };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: "binary" };
  return { ok: true, format: "csv" };
}

/** A workbook that cannot be read (corrupt ZIP, not a spreadsheet inside, too large unpacked). */
export class XlsxReadError extends Error {
  constructor(readonly reason: "unreadable" | "tooLargeUnpacked") {
    super(reason);
    this.name = "XlsxReadError";
  }
}

/** Upper bound on the unpacked size of a workbook, against ZIP bombs (a 25 MB file of XML unpacks to ~250 MB). */
export const MAX_XLSX_UNPACKED_BYTES = 400 * 1024 * 1024;

/**
 * Sum of the uncompressed sizes that the ZIP central directory declares, or null when the
 * directory cannot be found (the reader then reports the file as unreadable). ZIP64 markers
 * (0xFFFFFFFF) count as "too large": no import template needs them.
 */
export function declaredUnpackedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/**
 * The first sheet as records numbered like the spreadsheet (row 1 is the first row, the header).
 * Numbers keep the text Excel stored ("5", "1001"), not a float's rendering. Empty rows are
 * skipped, as blank lines are in CSV.
 */
export async function readXlsxRecords(bytes: Uint8Array): Promise<CsvRecord[]> {
  const unpacked = declaredUnpackedBytes(bytes);
  if (unpacked === null) throw new XlsxReadError("unreadable");
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw new XlsxReadError("tooLargeUnpacked");
  let rows: unknown[][];
  try {
    rows = await readSheet<string>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1, { parseNumber: (s) => s, trim: false });
  } catch (error) {
    throw Object.assign(new XlsxReadError("unreadable"), { cause: error });
  }
  const records: CsvRecord[] = [];
  rows.forEach((cells, i) => {
    const texts = cells.map(cellText);
    while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
    if (texts.length > 0) records.push({ row: i + 1, cells: texts });
  });
  return records;
}

/** An XLSX template: header row plus one example row, every cell stored as text; wide columns for long text. */
export async function templateXlsx(columns: readonly string[], example: Record<string, string>, sheet: string, wide: readonly string[]): Promise<Buffer> {
  const header = columns.map((c) => ({ value: c, fontWeight: "bold" as const, type: String }));
  const row = columns.map((c) => ({ value: example[c] ?? "", type: String }));
  return writeXlsxFile([header, row], {
    sheet,
    columns: columns.map((c) => ({ width: wide.includes(c) ? 50 : 22 })),
    stickyRowsCount: 1,
  }).toBuffer();
}
