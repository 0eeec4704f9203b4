import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadChainNodeLookup } from "@/lib/import/load-chain-nodes";
import { readImportFile } from "@/lib/import/read-import-file";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { detectLang } from "@/lib/text/detect-lang";
import { RESULT_IMPORT, validateImportCsv, type ImportReport } from "./validate";

export type ImportMode = "validate" | "all-or-nothing" | "valid-only";
export type ImportOutcome = { report: ImportReport; written: boolean; created: number; updated: number };

const CHUNK = 1_000;

/**
 * Bulk import from an uploaded file, CSV or XLSX (lib/import reads and validates it the same way
 * for both), then written like importResultsCsv. Chain nodes may be named by id or by name.
 */
export async function importResultsFile(db: PrismaClient, actor: Actor, file: { name: string; bytes: Uint8Array }, mode: ImportMode): Promise<ImportOutcome> {
  authorize(actor, "result.import");
  return writeImport(db, actor, await readImportFile(file, RESULT_IMPORT, await loadChainNodeLookup(db)), mode);
}

/**
 * Bulk import of research results from CSV text. "validate" only reports. "all-or-nothing"
 * writes only when every row is valid; "valid-only" writes the valid rows and skips the bad ones.
 * Rows are upserted by (organisation, externalId) in one transaction: a re-import updates.
 */
export async function importResultsCsv(db: PrismaClient, actor: Actor, csv: string, mode: ImportMode): Promise<ImportOutcome> {
  authorize(actor, "result.import");
  return writeImport(db, actor, validateImportCsv(csv, await loadChainNodeLookup(db)), mode);
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
