// Bulk import against the real database: report before writing, the two modes, re-import updates.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { seedTaxonomy } from "@/scripts/seed";
import { toCsvLine } from "@/lib/csv/write-csv";
import { encodeGbk } from "@/tests/kits/gbk-bytes";
import { IMPORT_COLUMNS } from "./columns";
import writeXlsxFile from "write-excel-file/node";
import { importResultsCsv, importResultsFile } from "./import-results";
import { wordImportReport } from "./validate";

let officer: ApiUser;
let company: ApiUser;

const header = toCsvLine(IMPORT_COLUMNS);
function csv(n: number, bad: Record<number, Partial<Record<string, string>>> = {}, titlePrefix = "成果") {
  const lines = [header];
  for (let i = 1; i <= n; i++) {
    const v: Record<string, string> = {
      externalId: `TTO-${i}`,
      title: `${titlePrefix} ${i} 号：高导热界面材料`,
      summary: "导热系数大于 8 W/mK 的相变界面材料，适用于电池包与功率器件散热。",
      field: "新材料",
      keywords: "导热、界面材料",
      trl: "5",
      transferModes: "许可",
      chainNodeId: "materials.thermal",
      ...bad[i],
    };
    lines.push(toCsvLine(IMPORT_COLUMNS.map((c) => v[c] ?? "")));
  }
  return lines.join("\r\n");
}
const count = () => prisma.result.count({ where: { organisationId: officer.organisationId } });

beforeAll(async () => {
  await seedTaxonomy(prisma as never);
  officer = await createApiUser("BROKER");
  company = await createApiUser("COMPANY");
});

describe("importResultsCsv", () => {
  const withTwoBad = () => csv(50, { 7: { trl: "0" }, 31: { summary: "太短" } });

  it("reports exactly the bad rows and writes nothing when validating", async () => {
    const out = await importResultsCsv(prisma, officer.actor, withTwoBad(), "validate");
    expect(out.written).toBe(false);
    expect(out.report.badRows).toEqual([8, 32]);
    expect(out.report.problems.map((p) => [p.row, p.column])).toEqual([
      [8, "trl"],
      [32, "summary"],
    ]);
    expect(out.report.valid).toHaveLength(48);
    expect(await count()).toBe(0);
  });

  it("imports nothing in all-or-nothing mode when a row is bad", async () => {
    const out = await importResultsCsv(prisma, officer.actor, withTwoBad(), "all-or-nothing");
    expect(out).toMatchObject({ written: false, created: 0 });
    expect(await count()).toBe(0);
  });

  it("imports only the valid rows by choice, then updates them on re-import by external id", async () => {
    const first = await importResultsCsv(prisma, officer.actor, withTwoBad(), "valid-only");
    expect(first).toMatchObject({ written: true, created: 48, updated: 0 });
    expect(await count()).toBe(48);
    const row = await prisma.result.findFirstOrThrow({ where: { organisationId: officer.organisationId, externalId: "TTO-1" } });
    expect(row).toMatchObject({
      keywords: ["导热", "界面材料"],
      transferModes: ["LICENCE"],
      trl: 5,
      chainNodeId: "materials.thermal",
      status: "PUBLISHED",
      lang: "zh",
      version: 1,
    });

    const again = await importResultsCsv(prisma, officer.actor, csv(50, {}, "更新"), "all-or-nothing");
    expect(again).toMatchObject({ written: true, created: 2, updated: 48 });
    expect(await count()).toBe(50);
    const updated = await prisma.result.findFirstOrThrow({ where: { id: row.id } });
    expect(updated.title).toBe("更新 1 号：高导热界面材料");
    expect(updated.version).toBe(2);
    // Index jobs were committed with the rows, one per chunk.
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'index-results'`;
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it("keeps external ids per organisation and refuses companies", async () => {
    const other = await createApiUser("RESEARCHER");
    const out = await importResultsCsv(prisma, other.actor, csv(3), "all-or-nothing");
    expect(out.created).toBe(3);
    await expect(importResultsCsv(prisma, company.actor, csv(1), "all-or-nothing")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("importResultsFile (XLSX)", () => {
  let tto: ApiUser;
  beforeAll(async () => {
    tto = await createApiUser("RESEARCHER");
  });
  const sheet = (n: number, titlePrefix: string, bad: Record<number, Partial<Record<string, string | number>>> = {}) => {
    const rows: (string | number | null)[][] = [[...IMPORT_COLUMNS]];
    for (let i = 1; i <= n; i++) {
      const v: Record<string, string | number> = {
        externalId: `XL-${i}`,
        title: `${titlePrefix} ${i} 号：柔性压力传感器`,
        summary: "基于微结构介电层的柔性压力传感器，灵敏度高于 5 kPa⁻¹，可用于可穿戴设备与机器人触觉。",
        field: "传感器",
        keywords: "柔性传感、触觉",
        trl: 6, // a number cell, as Excel stores it
        transferModes: "许可、合作开发",
        chainNodeId: "materials.thermal",
        ...bad[i],
      };
      rows.push(IMPORT_COLUMNS.map((c) => v[c] ?? null));
    }
    return writeXlsxFile(rows).toBuffer();
  };
  const xlCount = () => prisma.result.count({ where: { organisationId: tto.organisationId } });

  it("validates with the same report, imports only valid rows by choice, and upserts by external id", async () => {
    const file = { name: "成果.xlsx", bytes: new Uint8Array(await sheet(5, "成果", { 3: { trl: 12 } })) };
    const report = await importResultsFile(prisma, tto.actor, file, "validate");
    expect(report.written).toBe(false);
    expect(report.report.problems.map((p) => [p.row, p.column])).toEqual([[4, "trl"]]);
    expect(await importResultsFile(prisma, tto.actor, file, "all-or-nothing")).toMatchObject({ written: false, created: 0 });
    expect(await xlCount()).toBe(0);

    expect(await importResultsFile(prisma, tto.actor, file, "valid-only")).toMatchObject({ written: true, created: 4, updated: 0 });
    const row = await prisma.result.findFirstOrThrow({ where: { organisationId: tto.organisationId, externalId: "XL-1" } });
    expect(row).toMatchObject({ trl: 6, keywords: ["柔性传感", "触觉"], transferModes: ["LICENCE", "CO_DEVELOPMENT"], status: "PUBLISHED" });

    const again = await importResultsFile(prisma, tto.actor, { name: "renamed.csv", bytes: new Uint8Array(await sheet(5, "更新")) }, "all-or-nothing");
    expect(again).toMatchObject({ written: true, created: 1, updated: 4 });
    expect(await xlCount()).toBe(5);
    expect((await prisma.result.findUniqueOrThrow({ where: { id: row.id } })).title).toBe("更新 1 号：柔性压力传感器");
  });

  it("reads CSV bytes through the same path", async () => {
    const out = await importResultsFile(prisma, tto.actor, { name: "r.csv", bytes: new TextEncoder().encode(csv(2, { 2: { trl: "0" } })) }, "validate");
    expect(out.report.problems.map((p) => [p.row, p.column])).toEqual([[3, "trl"]]);
  });

  it("imports a GBK-encoded CSV (Excel on Chinese Windows) with the right Chinese text, and refuses bytes of no known encoding", async () => {
    const bytes = encodeGbk(csv(2, {}, "国标"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const out = await importResultsFile(prisma, tto.actor, { name: "国标.csv", bytes }, "all-or-nothing");
    expect(out).toMatchObject({ written: true, created: 2 });
    const row = await prisma.result.findFirstOrThrow({ where: { organisationId: tto.organisationId, externalId: "TTO-1" } });
    expect(row).toMatchObject({ title: "国标 1 号：高导热界面材料", field: "新材料", keywords: ["导热", "界面材料"], transferModes: ["LICENCE"] });
    expect(row.summary).toBe("导热系数大于 8 W/mK 的相变界面材料，适用于电池包与功率器件散热。");
    await expect(
      importResultsFile(prisma, tto.actor, { name: "bad.csv", bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0xfe, 0x0a]) }, "validate"),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      key: "import.encoding",
    });
  });

  it("refuses content that is not XLSX by its bytes, with a clear message, and writes nothing", async () => {
    const before = await xlCount();
    await expect(
      importResultsFile(prisma, tto.actor, { name: "results.xlsx", bytes: new TextEncoder().encode("%PDF-1.7 not a workbook") }, "valid-only"),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      key: "import.notXlsx",
    });
    await expect(
      importResultsFile(prisma, tto.actor, { name: "old.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, "valid-only"),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      key: "import.legacyXls",
    });
    const damaged = await importResultsFile(
      prisma,
      tto.actor,
      { name: "x.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) },
      "valid-only",
    );
    expect(damaged).toMatchObject({ written: false });
    expect(wordImportReport(damaged.report, "en").fileProblems).toEqual([expect.stringContaining("cannot be read")]);
    expect(await xlCount()).toBe(before);
    await expect(importResultsFile(prisma, company.actor, { name: "x.xlsx", bytes: new Uint8Array(await sheet(1, "x")) }, "validate")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
