"use server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { wordError } from "@/lib/errors-edge";
import { toLocale } from "@/i18n/locale";
import { logger } from "@/lib/logger";
import { authorize } from "@/lib/policy";
import { MAX_IMPORT_BYTES } from "@/lib/results/import/columns";
import { importResultsFile, type ImportMode } from "@/lib/results/import/import-results";
import { wordImportReport, type RowProblem } from "@/lib/results/import/validate";

export type ImportState = {
  status: "idle" | "report" | "done" | "error";
  message?: string;
  totalRows?: number;
  validRows?: number;
  problems?: RowProblem<string>[];
  fileProblems?: string[];
  created?: number;
  updated?: number;
};

export async function importResultsAction(locale: string, mode: ImportMode, formData: FormData): Promise<ImportState> {
  const uiLocale = toLocale(locale);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "result.import");
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", { key: "import.chooseFile" });
    // Checked before reading the body into memory; the service checks the bytes again.
    if (file.size > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { key: "import.tooLarge", params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } });
    const out = await importResultsFile(prisma, actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, mode);
    const report = wordImportReport(out.report, uiLocale);
    return {
      status: out.written ? "done" : "report",
      totalRows: out.report.totalRows,
      validRows: out.report.valid.length,
      problems: report.problems,
      fileProblems: report.fileProblems,
      created: out.created,
      updated: out.updated,
    };
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { status: "error", message: wordError(error, uiLocale) };
    logger.error({ err: error }, "import failed");
    return { status: "error", message: wordError(new AppError("INTERNAL", { key: "import.failed" }), uiLocale) };
  }
}
