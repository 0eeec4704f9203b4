"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/results/import/columns";
import { importResultsFile } from "@/lib/results/import/import-results";
import { wordImportReport, type RowProblem } from "@/lib/results/import/validate";

/** The state's data: the check's report, and after an import what was written. */
export type ImportReport = {
  written: boolean;
  totalRows: number;
  validRows: number;
  problems: RowProblem<string>[];
  fileProblems: string[];
  created: number;
  updated: number;
};

const importSchema = z.strictObject({ mode: z.enum(["validate", "all-or-nothing", "valid-only"]), file: z.instanceof(File).optional() });

export const importResultsAction = memberAction
  .schema(importSchema)
  .authorize("result.import")
  .action(async ({ actor, input: { mode, file }, locale }): Promise<ImportReport> => {
    if (!file) throw new AppError("VALIDATION", { key: "import.chooseFile" });
    // Checked before reading the body into memory; the service checks the bytes again.
    if (file.size > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { key: "import.tooLarge", params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } });
    const out = await importResultsFile(prisma, actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, mode);
    const worded = wordImportReport(out.report, locale);
    return {
      written: out.written,
      totalRows: out.report.totalRows,
      validRows: out.report.valid.length,
      problems: worded.problems,
      fileProblems: worded.fileProblems,
      created: out.created,
      updated: out.updated,
    };
  });
