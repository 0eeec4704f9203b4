import { describe, expect, it } from "vitest";
import { chainNodeLookup } from "@/lib/import/chain-nodes";
import writeXlsxFile from "write-excel-file/node";
import { IMPORT_COLUMNS, IMPORT_EXAMPLE } from "./columns";
import { validateImportRecords, wordImportReport } from "./validate";
import { declaredUnpackedBytes, detectImportFormat, importTemplateXlsx, MAX_XLSX_UNPACKED_BYTES, readXlsxRecords, XlsxReadError } from "./xlsx";

const nodes = chainNodeLookup([
  { id: "sensor.fusion", nameZh: "多传感器融合", nameEn: "Sensor fusion", chainZh: "智能传感", chainEn: "Smart sensing" },
  { id: "energy.materials", nameZh: "储能材料", nameEn: "Energy-storage materials", chainZh: "新能源", chainEn: "New energy" },
  { id: "auto.materials", nameZh: "材料", nameEn: "Materials", chainZh: "汽车", chainEn: "Automotive" },
  { id: "chip.materials", nameZh: "材料", nameEn: "Materials", chainZh: "芯片", chainEn: "Chips" },
]);
const bytes = (s: string | number[]) => (typeof s === "string" ? new TextEncoder().encode(s) : new Uint8Array(s));

describe("detectImportFormat", () => {
  it("goes by the bytes, not the name", async () => {
    expect(await detectImportFormat("results.csv", bytes([0x50, 0x4b, 0x03, 0x04, 0x14]))).toEqual({ ok: true, format: "xlsx" });
    expect(await detectImportFormat("results.xlsx", bytes("%PDF-1.7\n..."))).toEqual({ ok: false, reason: "notXlsx" });
    expect(await detectImportFormat("results.xlsx", bytes("externalId,title\n1,x"))).toEqual({ ok: false, reason: "notXlsx" });
    expect(await detectImportFormat("old.xls", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({ ok: false, reason: "legacyXls" });
    expect(await detectImportFormat("photo.csv", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ ok: false, reason: "binary" });
    expect(await detectImportFormat("results.csv", bytes("\uFEFFexternalId,title\n1,成果"))).toEqual({ ok: true, format: "csv" });
    expect(await detectImportFormat("导入.csv", await importTemplateXlsx())).toEqual({ ok: true, format: "xlsx" });
    // Text is judged by NUL bytes: a header that starts like a BMP ("BM") is still a CSV.
    expect(await detectImportFormat("results.csv", bytes("BMI,title\n1,x"))).toEqual({ ok: true, format: "csv" });
  });
});

describe("readXlsxRecords", () => {
  it("reads the downloadable template into records that pass the shared validation", async () => {
    const records = await readXlsxRecords(await importTemplateXlsx());
    expect(records).toEqual([
      { row: 1, cells: [...IMPORT_COLUMNS] },
      { row: 2, cells: IMPORT_COLUMNS.map((c) => IMPORT_EXAMPLE[c]) },
    ]);
    const report = validateImportRecords(records, nodes);
    expect(report.problems).toEqual([]);
    expect(report.valid.map((v) => v.row)).toEqual([2]);
  });

  it("keeps spreadsheet row numbers across empty rows and reads numbers as the text Excel stored", async () => {
    const file = await writeXlsxFile(
      [
        ["externalId", "title", "trl", "lab"],
        [1001, "固态电解质材料", 4, true],
        [null, null, null, null],
        ["EXT-3", "  空格保留  ", 0.1, null],
        [123456789012345, "大整数编号", 9, new Date(Date.UTC(2025, 5, 1))],
      ],
      { dateFormat: "yyyy-mm-dd" },
    ).toBuffer();
    expect(await readXlsxRecords(file)).toEqual([
      { row: 1, cells: ["externalId", "title", "trl", "lab"] },
      { row: 2, cells: ["1001", "固态电解质材料", "4", "TRUE"] },
      { row: 4, cells: ["EXT-3", "  空格保留  ", "0.1"] },
      { row: 5, cells: ["123456789012345", "大整数编号", "9", "2025-06-01"] },
    ]);
  });

  it("reports the spreadsheet row of a bad cell through the shared validation", async () => {
    const header = [...IMPORT_COLUMNS];
    const good = IMPORT_COLUMNS.map((c) => IMPORT_EXAMPLE[c]);
    const bad = IMPORT_COLUMNS.map((c) => (c === "externalId" ? "SZU-2" : c === "trl" ? 12 : IMPORT_EXAMPLE[c]));
    const report = wordImportReport(validateImportRecords(await readXlsxRecords(await writeXlsxFile([header, good, [], bad]).toBuffer()), nodes), "en");
    expect(report.valid.map((v) => v.row)).toEqual([2]);
    expect(report.problems).toEqual([{ row: 4, column: "trl", problem: expect.stringContaining("1") }]);
  });

  it("refuses a ZIP that is not a workbook, a damaged file and a workbook that unpacks too large", async () => {
    await expect(readXlsxRecords(bytes([0x50, 0x4b, 0x03, 0x04, ...bytes("garbage garbage garbage")]))).rejects.toMatchObject({
      name: "XlsxReadError",
      reason: "unreadable",
    });
    const template = new Uint8Array(await importTemplateXlsx());
    const truncated = template.subarray(0, template.length - 100);
    await expect(readXlsxRecords(truncated)).rejects.toBeInstanceOf(XlsxReadError);

    expect(declaredUnpackedBytes(template)).toBeGreaterThan(template.length);
    // A ZIP bomb declares its real unpacked size in the central directory: claim 300 MB twice.
    const bomb = template.slice();
    const view = new DataView(bomb.buffer);
    let patched = 0;
    for (let i = 0; i < bomb.length - 4 && patched < 2; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 300 * 1024 * 1024, true);
        patched++;
      }
    }
    expect(declaredUnpackedBytes(bomb)).toBeGreaterThan(MAX_XLSX_UNPACKED_BYTES);
    await expect(readXlsxRecords(bomb)).rejects.toMatchObject({ reason: "tooLargeUnpacked" });
  });
});
