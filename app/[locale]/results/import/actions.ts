"use server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { toUiLocale } from "@/lib/i18n-locale";
import { logger } from "@/lib/logger";
import { authorize } from "@/lib/policy";
import { MAX_IMPORT_BYTES } from "@/lib/results/import/columns";
import { importResultsFile, type ImportMode } from "@/lib/results/import/import-results";
import type { RowProblem } from "@/lib/results/import/validate";

export type ImportState = {
  status: "idle" | "report" | "done" | "error";
  message?: string;
  totalRows?: number;
  validRows?: number;
  problems?: RowProblem[];
  fileProblems?: string[];
  created?: number;
  updated?: number;
};

export async function importResultsAction(locale: string, mode: ImportMode, formData: FormData): Promise<ImportState> {
  const uiLocale = toUiLocale(locale);
  const zh = uiLocale === "zh-CN";
  try {
    const actor = await getCurrentActor();
    authorize(actor, "result.import");
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", zh ? "请选择 CSV 或 XLSX 文件" : "Choose a CSV or XLSX file");
    // Checked before reading the body into memory; the service checks the bytes again.
    if (file.size > MAX_IMPORT_BYTES)
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        zh ? `文件过大：不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB` : `File too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      );
    const out = await importResultsFile(prisma, actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, mode, uiLocale);
    return {
      status: out.written ? "done" : "report",
      totalRows: out.report.totalRows,
      validRows: out.report.valid.length,
      problems: out.report.problems,
      fileProblems: out.report.fileProblems,
      created: out.created,
      updated: out.updated,
    };
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { status: "error", message: error.message };
    logger.error({ err: error }, "import failed");
    return { status: "error", message: zh ? "导入失败，请稍后重试" : "Import failed; try again later" };
  }
}
