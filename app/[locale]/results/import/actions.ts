"use server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { toUiLocale } from "@/lib/i18n-locale";
import { logger } from "@/lib/logger";
import { authorize } from "@/lib/policy";
import { MAX_IMPORT_BYTES } from "@/lib/results/import/columns";
import { importResultsCsv, type ImportMode } from "@/lib/results/import/import-results";
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

const isXlsx = (name: string, bytes: Uint8Array) => /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);

export async function importResultsAction(locale: string, mode: ImportMode, formData: FormData): Promise<ImportState> {
  const uiLocale = toUiLocale(locale);
  const zh = uiLocale === "zh-CN";
  try {
    const actor = await getCurrentActor();
    authorize(actor, "result.import");
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", zh ? "请选择 CSV 文件" : "Choose a CSV file");
    if (file.size > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", zh ? `文件过大：不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB` : `File too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isXlsx(file.name, bytes)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", zh ? "暂不支持 XLSX：请在 Excel 中“另存为 CSV UTF-8”后导入" : "XLSX is not supported yet: save as “CSV UTF-8” in Excel and import that");
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    const out = await importResultsCsv(prisma, actor, text, mode, uiLocale);
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
