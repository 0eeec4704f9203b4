// The results import's XLSX template; reading workbooks is shared (lib/import/xlsx.ts).
import { templateXlsx } from "@/lib/import/xlsx";
import { IMPORT_COLUMNS, IMPORT_EXAMPLE } from "./columns";

export { declaredUnpackedBytes, detectImportFormat, MAX_XLSX_UNPACKED_BYTES, readXlsxRecords, XlsxReadError } from "@/lib/import/xlsx";
export type { FormatRefusal, ImportFormat } from "@/lib/import/xlsx";

/** The XLSX template: header row plus one example row, every cell stored as text. */
export function importTemplateXlsx(): Promise<Buffer> {
  return templateXlsx(IMPORT_COLUMNS, IMPORT_EXAMPLE, "results", ["summary", "description"]);
}
