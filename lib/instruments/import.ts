import "server-only";
import { prisma } from "@/lib/db";
import { decodeText } from "@/lib/csv/decode-text";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "@/lib/csv/read-csv";
import { toCsvFile } from "@/lib/csv/write-csv";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";
import { authorize, type Actor } from "@/lib/policy";
import type { ImportReport, RowProblem } from "@/lib/results/import/validate";
import { detectImportFormat, readXlsxRecords, XlsxReadError } from "@/lib/results/import/xlsx";
import { parseInput } from "@/lib/validation/parse-input";
import type { Locale } from "@/i18n/routing";
import { enqueueInstrumentIndex } from "./instruments";
import { instrumentSchema, type InstrumentInput } from "./schemas";

// Bulk import of instruments from CSV (UTF-8, UTF-16 or GBK, told by decodeText) or XLSX (told
// by the bytes), with the same row report as the results import: every bad row with its row
// number, column and problem, before anything is written. Rows upsert by (institution,
// externalId): a re-import updates. The report's words are chosen here in the reader's
// language, as zod words its own messages (parseInput); the service's own problems are
// message keys (instruments.import.*).

export const INSTRUMENT_IMPORT_COLUMNS = [
  "externalId",
  "name",
  "nameEn",
  "categoryCode",
  "maker",
  "model",
  "specs",
  "capabilities",
  "campus",
  "building",
  "room",
  "region",
  "services",
  "sampleRequirements",
  "priceUnit",
  "priceInternal",
  "pricePartner",
  "priceExternal",
  "operatorName",
  "contactPhone",
  "contactEmail",
  "openDays",
  "opensAt",
  "closesAt",
  "freeCancelHours",
] as const;
const REQUIRED = ["externalId", "name", "categoryCode", "services"] as const;
export const MAX_INSTRUMENT_IMPORT_ROWS = 5_000;
export const MAX_INSTRUMENT_IMPORT_BYTES = 10 * 1024 * 1024;

const EXAMPLE: Record<(typeof INSTRUMENT_IMPORT_COLUMNS)[number], string> = {
  externalId: "SZU-XRD-01",
  name: "X射线衍射仪",
  nameEn: "X-ray diffractometer",
  categoryCode: "0103",
  maker: "Bruker",
  model: "D8 Advance",
  specs: "Cu 靶，2θ 范围 -110°~168°，最小步长 0.0001°",
  capabilities: "物相鉴定、晶体结构、残余应力",
  campus: "粤海校区",
  building: "材料学院实验楼",
  room: "A203",
  region: "深圳",
  services: "OPERATOR, SELF_OPERATED",
  sampleRequirements: "粉末 ≥ 0.5 g，块体 ≤ 20 mm × 20 mm",
  priceUnit: "SAMPLE",
  priceInternal: "80",
  pricePartner: "120",
  priceExternal: "200",
  operatorName: "李工",
  contactPhone: "0755-26530000",
  contactEmail: "xrd@example.edu.cn",
  openDays: "1,2,3,4,5",
  opensAt: "09:00",
  closesAt: "17:30",
  freeCancelHours: "24",
};

/** The CSV template: header row plus one example row (UTF-8 with BOM so Excel opens it right). */
export function instrumentImportTemplateCsv(): string {
  return toCsvFile([INSTRUMENT_IMPORT_COLUMNS, INSTRUMENT_IMPORT_COLUMNS.map((c) => EXAMPLE[c])]);
}

export type ImportMode = "validate" | "all-or-nothing" | "valid-only";
export type InstrumentImportReport = Omit<ImportReport<string>, "valid"> & { valid: { row: number; data: InstrumentInput }[] };
export type InstrumentImportOutcome = {
  report: Omit<InstrumentImportReport, "valid"> & { validRows: number };
  written: boolean;
  created: number;
  updated: number;
};

async function validateRecords(records: readonly CsvRecord[], locale: Locale): Promise<InstrumentImportReport> {
  const t = await translatorFor(locale);
  const empty = (fileProblems: string[], totalRows = 0): InstrumentImportReport => ({ fileProblems, totalRows, valid: [], problems: [], badRows: [] });
  const [header, ...rows] = records;
  if (!header) return empty([t("instruments.import.empty")]);
  const names = header.cells.map((c) => c.trim());
  const known = INSTRUMENT_IMPORT_COLUMNS as readonly string[];
  const unknown = names.filter((n) => n && !known.includes(n));
  const missing = REQUIRED.filter((c) => !names.includes(c));
  const fileProblems: string[] = [];
  if (missing.length) fileProblems.push(t("instruments.import.missingColumns", { columns: missing.join(", ") }));
  if (unknown.length) fileProblems.push(t("instruments.import.unknownColumns", { columns: unknown.join(", ") }));
  if (rows.length > MAX_INSTRUMENT_IMPORT_ROWS) fileProblems.push(t("instruments.import.tooManyRows", { max: MAX_INSTRUMENT_IMPORT_ROWS, rows: rows.length }));
  if (rows.length === 0) fileProblems.push(t("instruments.import.noRows"));
  if (fileProblems.length) return empty(fileProblems, rows.length);

  const valid: InstrumentImportReport["valid"] = [];
  const problems: RowProblem<string>[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const input: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name && cells[i] !== undefined && cells[i] !== "") input[name] = cells[i]!;
    });
    const rowProblems: RowProblem<string>[] = [];
    const parsed = parseInput(instrumentSchema, input, locale);
    if (!parsed.ok) {
      for (const [path, messages] of Object.entries(parsed.fields)) rowProblems.push({ row, column: path.split(".")[0]!, problem: messages.join("; ") });
    } else {
      const id = parsed.data.externalId!;
      if (!id) rowProblems.push({ row, column: "externalId", problem: t("instruments.import.externalIdRequired") });
      const first = seen.get(id);
      if (first !== undefined) rowProblems.push({ row, column: "externalId", problem: t("instruments.import.duplicate", { first }) });
      else seen.set(id, row);
      if (parsed.data.closesAt <= parsed.data.opensAt) rowProblems.push({ row, column: "closesAt", problem: t("errors.instruments.instrumentHours") });
      if (rowProblems.length === 0) valid.push({ row, data: parsed.data });
    }
    problems.push(...rowProblems);
  }
  return { fileProblems: [], totalRows: rows.length, valid, problems, badRows: [...new Set(problems.map((p) => p.row))] };
}

/** Imports instruments of the actor's institution from an uploaded CSV or XLSX file. */
export async function importInstrumentsFile(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  mode: ImportMode,
  locale: Locale,
): Promise<InstrumentImportOutcome> {
  authorize(actor, "instrument.import");
  if (file.bytes.byteLength === 0) throw new AppError("VALIDATION", { key: "instruments.importEmpty" });
  if (file.bytes.byteLength > MAX_INSTRUMENT_IMPORT_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", { key: "instruments.importTooLarge", params: { mb: MAX_INSTRUMENT_IMPORT_BYTES / 1024 / 1024 } });
  const format = await detectImportFormat(file.name, file.bytes);
  if (!format.ok) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { key: `instruments.import.${format.reason}` });
  let records: CsvRecord[];
  const t = await translatorFor(locale);
  if (format.format === "csv") {
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { key: "instruments.import.encoding" });
    try {
      records = parseCsv(decoded.text);
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      return finish(actor, { fileProblems: [t("instruments.import.unclosedQuote", { row: e.row })], totalRows: 0, valid: [], problems: [], badRows: [] }, mode);
    }
  } else {
    try {
      records = await readXlsxRecords(file.bytes);
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      return finish(actor, { fileProblems: [t("instruments.import.unreadable")], totalRows: 0, valid: [], problems: [], badRows: [] }, mode);
    }
  }
  return finish(actor, await validateRecords(records, locale), mode);
}

async function finish(actor: Actor, report: InstrumentImportReport, mode: ImportMode): Promise<InstrumentImportOutcome> {
  const { valid, ...rest } = report;
  const summary = { ...rest, validRows: valid.length };
  const nothing = { report: summary, written: false, created: 0, updated: 0 };
  if (mode === "validate" || report.fileProblems.length > 0 || valid.length === 0) return nothing;
  if (mode === "all-or-nothing" && report.problems.length > 0) return nothing;
  const organisationId = actor.organisationId!;
  const { created, updated } = await prisma.$transaction(
    async (tx) => {
      let created = 0;
      let updated = 0;
      const ids: string[] = [];
      for (const { data } of valid) {
        const { externalId, ...fields } = data;
        const fieldsData = { ...fields, openDays: [...new Set(fields.openDays)].sort(), nameEn: fields.nameEn ?? null };
        const existing = await tx.instrument.findUnique({
          where: { organisationId_externalId: { organisationId, externalId: externalId! } },
          select: { id: true },
        });
        if (existing) {
          await tx.instrument.update({ where: { id: existing.id }, data: { ...fieldsData, version: { increment: 1 } } });
          ids.push(existing.id);
          updated++;
        } else {
          const row = await tx.instrument.create({ data: { ...fieldsData, externalId, organisationId, managerId: actor.id }, select: { id: true } });
          ids.push(row.id);
          created++;
        }
      }
      await enqueueInstrumentIndex(tx, ids);
      return { created, updated };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { report: summary, written: true, created, updated };
}
