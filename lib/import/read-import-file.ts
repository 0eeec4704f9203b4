import "server-only";
import { decodeText } from "@/lib/csv/decode-text";
import { AppError } from "@/lib/errors";
import type { ChainNodeLookup } from "./chain-nodes";
import { MAX_IMPORT_BYTES, unreadableFileReport, validateCsvText, validateRecords, type ImportReport, type ImportSpec } from "./validate-records";
import { detectImportFormat, MAX_XLSX_UNPACKED_BYTES, readXlsxRecords, XlsxReadError, type FormatRefusal } from "./xlsx";

const MB = 1024 * 1024;

/** A file refused by its content (415), with the reason on the file field. */
const refused = (reason: FormatRefusal | "encoding") =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", { key: `import.${reason}`, fields: { file: [`v.import.${reason}`] } });

/**
 * An uploaded import file, CSV or XLSX, told apart by the bytes (not the name), read into records
 * and validated against `spec`. CSV text is decoded by its BOM, as UTF-8 when valid, else as
 * GB18030 (what Chinese Excel saves), never with replacement characters. A file that is not what
 * it claims is refused with 415; a workbook that cannot be read gets a file problem in the report.
 */
export async function readImportFile<T>(file: { name: string; bytes: Uint8Array }, spec: ImportSpec<T>, chainNodes: ChainNodeLookup): Promise<ImportReport<T>> {
  if (file.bytes.byteLength === 0) throw new AppError("VALIDATION", { key: "import.empty", fields: { file: ["v.import.empty"] } });
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    const params = { mb: MAX_IMPORT_BYTES / MB };
    throw new AppError("PAYLOAD_TOO_LARGE", { key: "import.tooLarge", params, fields: { file: [{ key: "v.import.tooLarge", params }] } });
  }
  const format = await detectImportFormat(file.name, file.bytes);
  if (!format.ok) throw refused(format.reason);
  if (format.format === "csv") {
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) throw refused("encoding");
    return validateCsvText(decoded.text, spec, chainNodes);
  }
  try {
    return validateRecords(await readXlsxRecords(file.bytes), spec, chainNodes);
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    return unreadableFileReport(
      error.reason === "tooLargeUnpacked" ? { key: "v.import.tooLargeUnpacked", params: { mb: MAX_XLSX_UNPACKED_BYTES / MB } } : "v.import.unreadableXlsx",
    );
  }
}
