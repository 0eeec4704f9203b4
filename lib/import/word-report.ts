import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import type { ImportReportView } from "./report-view";
import { importReportCsv, wordImportReport, type ImportReport } from "./validate-records";

/** The action's answer: the report in the reader's language, with its CSV download. */
export async function importReportView(
  report: ImportReport<unknown>,
  out: { written: boolean; created: number; updated?: number },
  locale: Locale,
): Promise<ImportReportView> {
  const worded = wordImportReport(report, locale);
  const t = await getTranslations({ locale, namespace: "import" });
  return {
    written: out.written,
    totalRows: report.totalRows,
    validRows: report.valid.length,
    problems: worded.problems,
    fileProblems: worded.fileProblems,
    created: out.created,
    updated: out.updated ?? 0,
    reportCsv: importReportCsv(worded, [t("row"), t("column"), t("problem")]),
  };
}
