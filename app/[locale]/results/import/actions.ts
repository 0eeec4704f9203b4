"use server";
import { memberAction } from "@/lib/actions/action-client";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ImportReportView } from "@/lib/import/report-view";
import { importFileSchema } from "@/lib/import/schemas";
import { MAX_IMPORT_BYTES } from "@/lib/import/validate-records";
import { importReportView } from "@/lib/import/word-report";
import { importResultsFile } from "@/lib/results/import/import-results";

export const importResultsAction = memberAction
  .schema(importFileSchema)
  .authorize("result.import")
  .action(async ({ actor, input: { mode, file }, locale }): Promise<ImportReportView> => {
    if (!file) throw new AppError("VALIDATION", { key: "import.chooseFile" });
    // Checked before reading the body into memory; the service checks the bytes again.
    if (file.size > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { key: "import.tooLarge", params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } });
    const out = await importResultsFile(prisma, actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, mode);
    return importReportView(out.report, out, locale);
  });
