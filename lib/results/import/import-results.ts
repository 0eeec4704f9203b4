import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decodeText } from "@/lib/csv/decode-text";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { detectLang } from "@/lib/text/detect-lang";
import type { UiLocale } from "@/lib/validation/parse-input";
import { MAX_IMPORT_BYTES } from "./columns";
import { unreadableFileReport, validateImportCsv, validateImportRecords, type ImportReport } from "./validate";
import { detectImportFormat, MAX_XLSX_UNPACKED_BYTES, readXlsxRecords, XlsxReadError, type FormatRefusal } from "./xlsx";

export type ImportMode = "validate" | "all-or-nothing" | "valid-only";
export type ImportOutcome = { report: ImportReport; written: boolean; created: number; updated: number };

const CHUNK = 1_000;
const MB = 1024 * 1024;
const t = (locale: UiLocale, zh: string, en: string) => (locale === "en" ? en : zh);

const refusalText = (reason: FormatRefusal | "encoding", locale: UiLocale) =>
  ({
    legacyXls: t(
      locale,
      "不支持旧版 Excel 97-2003（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV UTF-8 后导入",
      "Old Excel 97-2003 (.xls) files are not supported: save as .xlsx or CSV UTF-8 in Excel and import that",
    ),
    notXlsx: t(
      locale,
      "该文件的内容不是 XLSX 工作簿（按文件内容检查，而非扩展名）：请上传 Excel 保存的 .xlsx 文件或 CSV 文件",
      "This file's content is not an XLSX workbook (checked by content, not by the name): upload an .xlsx saved by Excel, or a CSV file",
    ),
    binary: t(locale, "该文件既不是 CSV 文本也不是 XLSX 工作簿（按文件内容检查）", "This file is neither CSV text nor an XLSX workbook (checked by content)"),
    encoding: t(
      locale,
      "无法识别该 CSV 文件的编码（支持 UTF-8、UTF-16 与 GBK/GB18030）：请在 Excel 中另存为 CSV UTF-8 后导入",
      "The CSV file's encoding is not recognised (UTF-8, UTF-16 and GBK/GB18030 are read): save it as CSV UTF-8 in Excel and import that",
    ),
  })[reason];

/**
 * Bulk import from an uploaded file, CSV or XLSX, told apart by the bytes (not the name). Both are
 * read into the same records and validated by the same code, then written like importResultsCsv.
 * A file that is not what it claims is refused with 415; a workbook that cannot be read gets a
 * file problem in the report.
 */
export async function importResultsFile(
  db: PrismaClient,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  mode: ImportMode,
  locale: UiLocale,
): Promise<ImportOutcome> {
  authorize(actor, "result.import");
  if (file.bytes.byteLength === 0)
    throw new AppError("VALIDATION", t(locale, "文件为空", "The file is empty"), { fields: { file: [t(locale, "文件为空", "The file is empty")] } });
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    const message = t(locale, `文件过大：不超过 ${MAX_IMPORT_BYTES / MB} MB`, `File too large: at most ${MAX_IMPORT_BYTES / MB} MB`);
    throw new AppError("PAYLOAD_TOO_LARGE", message, { fields: { file: [message] } });
  }
  const format = await detectImportFormat(file.name, file.bytes);
  if (!format.ok) {
    const message = refusalText(format.reason, locale);
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", message, { fields: { file: [message] } });
  }
  const nodeIds = await knownChainNodeIds(db);
  let report: ImportReport;
  if (format.format === "csv") {
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) {
      const message = refusalText("encoding", locale);
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", message, { fields: { file: [message] } });
    }
    report = validateImportCsv(decoded.text, nodeIds, locale);
  } else {
    try {
      report = validateImportRecords(await readXlsxRecords(file.bytes), nodeIds, locale);
    } catch (error) {
      if (!(error instanceof XlsxReadError)) throw error;
      report = unreadableFileReport(
        error.reason === "tooLargeUnpacked"
          ? t(
              locale,
              `工作簿解压后超过 ${MAX_XLSX_UNPACKED_BYTES / MB} MB，无法读取`,
              `The workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / MB} MB and cannot be read`,
            )
          : t(
              locale,
              "无法读取该 XLSX 工作簿（文件已损坏或不是 Excel 保存的）：请用 Excel 重新保存，或另存为 CSV UTF-8",
              "This XLSX workbook cannot be read (damaged, or not saved by Excel): save it again in Excel, or save as CSV UTF-8",
            ),
      );
    }
  }
  return writeImport(db, actor, report, mode);
}

/**
 * Bulk import of research results from CSV text. "validate" only reports. "all-or-nothing"
 * writes only when every row is valid; "valid-only" writes the valid rows and skips the bad ones.
 * Rows are upserted by (organisation, externalId) in one transaction: a re-import updates.
 */
export async function importResultsCsv(db: PrismaClient, actor: Actor, csv: string, mode: ImportMode, locale: UiLocale): Promise<ImportOutcome> {
  authorize(actor, "result.import");
  return writeImport(db, actor, validateImportCsv(csv, await knownChainNodeIds(db), locale), mode);
}

async function knownChainNodeIds(db: PrismaClient): Promise<Set<string>> {
  return new Set((await db.chainNode.findMany({ select: { id: true } })).map((n) => n.id));
}

async function writeImport(db: PrismaClient, actor: Actor, report: ImportReport, mode: ImportMode): Promise<ImportOutcome> {
  const nothing = { report, written: false, created: 0, updated: 0 };
  if (mode === "validate" || report.fileProblems.length > 0 || report.valid.length === 0) return nothing;
  if (mode === "all-or-nothing" && report.problems.length > 0) return nothing;

  const organisationId = actor.organisationId!;
  const rows = report.valid.map(({ data }) => ({
    id: `r${randomUUID().replace(/-/g, "")}`,
    externalId: data.externalId,
    title: data.title,
    summary: data.summary,
    description: data.description ?? null,
    field: data.field,
    keywords: data.keywords,
    lang: detectLang(`${data.title} ${data.summary}`),
    trl: data.trl ?? null,
    transferModes: data.transferModes,
    chainNodeId: data.chainNodeId ?? null,
    advantages: data.advantages ?? null,
    applicationScenarios: data.applicationScenarios ?? null,
    patents: data.patents,
    priceExpectation: data.priceExpectation ?? null,
    lab: data.lab ?? null,
    team: data.team ?? null,
  }));

  const { created, updated } = await db.$transaction(
    async (tx) => {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        // One statement per chunk: the rows travel as one JSON parameter (no SQL built from data).
        const written = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
          INSERT INTO "Result" (
            id, "externalId", title, summary, description, field, keywords, lang, trl, "transferModes", "chainNodeId",
            advantages, "applicationScenarios", patents, "priceExpectation", lab, team,
            status, "organisationId", "createdById", version, "createdAt", "updatedAt"
          )
          SELECT x.id, x."externalId", x.title, x.summary, x.description, x.field,
            ARRAY(SELECT jsonb_array_elements_text(x.keywords)), x.lang::"Lang", x.trl,
            ARRAY(SELECT jsonb_array_elements_text(x."transferModes"))::"CollaborationMode"[], x."chainNodeId",
            x.advantages, x."applicationScenarios", x.patents, x."priceExpectation", x.lab, x.team,
            'PUBLISHED'::"ResultStatus", ${organisationId}, ${actor.id}, 1, now(), now()
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(
            id text, "externalId" text, title text, summary text, description text, field text, keywords jsonb, lang text,
            trl int, "transferModes" jsonb, "chainNodeId" text, advantages text, "applicationScenarios" text, patents jsonb,
            "priceExpectation" text, lab text, team text
          )
          ON CONFLICT ("organisationId", "externalId") DO UPDATE SET
            title = EXCLUDED.title, summary = EXCLUDED.summary, description = EXCLUDED.description, field = EXCLUDED.field,
            keywords = EXCLUDED.keywords, lang = EXCLUDED.lang, trl = EXCLUDED.trl, "transferModes" = EXCLUDED."transferModes",
            "chainNodeId" = EXCLUDED."chainNodeId", advantages = EXCLUDED.advantages,
            "applicationScenarios" = EXCLUDED."applicationScenarios", patents = EXCLUDED.patents,
            "priceExpectation" = EXCLUDED."priceExpectation", lab = EXCLUDED.lab, team = EXCLUDED.team,
            version = "Result".version + 1, "updatedAt" = now(),
            -- Uploading a row again confirms the result is still available (and publishes an expired one again).
            "reconfirmBy" = now() + interval '90 days',
            status = CASE WHEN "Result".status = 'EXPIRED' THEN 'PUBLISHED'::"ResultStatus" ELSE "Result".status END
          RETURNING id, (xmax = 0) AS inserted`;
        for (const w of written) {
          if (w.inserted) created++;
          else updated++;
        }
        // The index follows in the background, committed with the rows.
        await enqueueJob(
          tx,
          "index-results",
          written.map((w) => w.id),
        );
      }
      return { created, updated };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { report, written: true, created, updated };
}
