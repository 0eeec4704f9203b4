// Bulk import of needs against the real database (issue 14): the row report before writing, the
// two modes, drafts of the right company (a broker names it), chain nodes by name, GBK files, XLSX
// through the same path, and a title that is there already.
import { beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { encodeGbk } from "@/tests/kits/gbk-bytes";
import { prisma } from "@/lib/db";
import { seedTaxonomy } from "@/scripts/seed";
import { toCsvLine } from "@/lib/csv/write-csv";
import { wordImportReport } from "@/lib/import/validate-records";
import { listBrokerDraftsForCompany } from "@/lib/needs/list-broker-drafts";
import { NEED_IMPORT_COLUMNS } from "./columns";
import { importNeedsFile } from "./import-needs";

let company: ApiUser;
let broker: ApiUser;
let researcher: ApiUser;
const run = Math.random().toString(36).slice(2, 8);

type Cells = Partial<Record<string, string>>;
function csv(rows: Cells[], columns: readonly string[] = NEED_IMPORT_COLUMNS): string {
  return [toCsvLine(columns), ...rows.map((r) => toCsvLine(columns.map((c) => r[c] ?? "")))].join("\r\n");
}
const good = (i: number, over: Cells = {}): Cells => ({
  title: `国标 ${i} 号：高导热界面材料 ${run}`,
  description: "导热系数大于 8 W/mK 的相变界面材料，适用于电池包与功率器件散热。",
  field: "新材料",
  keywords: "导热、界面材料",
  ...over,
});
const file = (text: string, name = "needs.csv") => ({ name, bytes: new TextEncoder().encode(text) });

beforeAll(async () => {
  await seedTaxonomy(prisma as never);
  company = await createApiUser("COMPANY");
  broker = await createApiUser("BROKER");
  researcher = await createApiUser("RESEARCHER");
});

describe("importNeedsFile", () => {
  it("reports every bad row before writing, imports the valid ones as the company's drafts, and never twice", async () => {
    const text = csv([
      good(1, { chainNodeId: "热管理与导热材料", collaborationModes: "委托研发、合作开发", visibility: "公开" }),
      good(2, { description: "太短" }),
      good(3, { chainNodeId: "Battery materials", visibility: "保密", teaser: "寻找导热材料合作伙伴" }),
    ]);
    const checked = await importNeedsFile(prisma, company.actor, file(text), "validate");
    expect(checked).toMatchObject({ written: false, created: 0 });
    expect(wordImportReport(checked.report, "zh-CN").problems).toEqual([{ row: 3, column: "description", problem: expect.stringContaining("20") }]);
    expect(await importNeedsFile(prisma, company.actor, file(text), "all-or-nothing")).toMatchObject({ written: false, created: 0 });

    expect(await importNeedsFile(prisma, company.actor, file(text), "valid-only")).toMatchObject({ written: true, created: 2 });
    const drafts = await prisma.need.findMany({ where: { organisationId: company.organisationId, title: { contains: run } }, orderBy: { title: "asc" } });
    expect(drafts.map((d) => [d.status, d.brokerId, d.createdById, d.chainNodeId, d.visibility])).toEqual([
      ["DRAFT", null, company.actor.id, "materials.thermal", "PUBLIC"],
      ["DRAFT", null, company.actor.id, "energy.materials", "CONFIDENTIAL"],
    ]);
    expect(drafts[0]!.collaborationModes).toEqual(["COMMISSIONED_RD", "CO_DEVELOPMENT"]);

    // The same file again: the titles are there already, nothing is created twice.
    const again = await importNeedsFile(prisma, company.actor, file(text), "valid-only");
    expect(again).toMatchObject({ written: false, created: 0 });
    expect(wordImportReport(again.report, "en").problems.filter((p) => p.column === "title")).toHaveLength(2);
    expect(wordImportReport(again.report, "en").problems[0]!.problem).toContain("already has a need with this title");
  });

  it("lets a broker import for the companies named on the rows; the drafts wait for each company's confirmation", async () => {
    const columns = ["company", ...NEED_IMPORT_COLUMNS];
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: company.organisationId! } });
    const text = csv(
      [
        { company: org.name, ...good(11) },
        { company: "没有这家企业", ...good(12) },
        { company: ` ${org.name.toUpperCase()} `, ...good(13) },
        { company: org.name, ...good(11) },
      ],
      columns,
    );
    const out = await importNeedsFile(prisma, broker.actor, file(text), "valid-only");
    expect(out).toMatchObject({ written: true, created: 2 });
    const en = wordImportReport(out.report, "en").problems;
    expect(en.map((p) => [p.row, p.column])).toEqual([
      [3, "company"],
      [5, "title"],
    ]);
    expect(en[1]!.problem).toContain("row 2");
    const awaiting = await listBrokerDraftsForCompany(company.actor);
    expect(awaiting.map((n) => n.title)).toEqual(expect.arrayContaining([`国标 11 号：高导热界面材料 ${run}`, `国标 13 号：高导热界面材料 ${run}`]));
    const row = await prisma.need.findFirstOrThrow({ where: { title: `国标 11 号：高导热界面材料 ${run}` } });
    expect(row).toMatchObject({ organisationId: company.organisationId, brokerId: broker.actor.id, createdById: broker.actor.id, status: "DRAFT" });
    // A company's own file may not name another company.
    const foreign = await importNeedsFile(prisma, company.actor, file(text), "validate");
    expect(wordImportReport(foreign.report, "en").fileProblems).toEqual(["Unknown columns: company (use the template)"]);
  });

  it("reads a GBK CSV (Chinese Excel) and an XLSX workbook through the same path", async () => {
    const other = await createApiUser("COMPANY");
    const gbk = encodeGbk(csv([{ title: "国标 21 号：高导热界面材料", description: good(0).description, field: "新材料", keywords: "导热、界面材料" }]));
    const out = await importNeedsFile(prisma, other.actor, { name: "国标.csv", bytes: gbk }, "all-or-nothing");
    expect(out).toMatchObject({ written: true, created: 1 });
    expect(await prisma.need.findFirstOrThrow({ where: { organisationId: other.organisationId } })).toMatchObject({
      title: "国标 21 号：高导热界面材料",
      field: "新材料",
      keywords: ["导热", "界面材料"],
    });
    const sheet = await writeXlsxFile([
      NEED_IMPORT_COLUMNS.map((c) => ({ value: c, type: String })),
      NEED_IMPORT_COLUMNS.map((c) => ({ value: good(31, { trlTarget: "0" })[c] ?? "", type: String })),
      NEED_IMPORT_COLUMNS.map((c) => ({ value: good(32, { chainNodeId: "New energy · Battery materials" })[c] ?? "", type: String })),
    ]).toBuffer();
    const xlsx = await importNeedsFile(prisma, other.actor, { name: "needs.xlsx", bytes: new Uint8Array(sheet) }, "valid-only");
    expect(xlsx).toMatchObject({ written: true, created: 1 });
    expect(xlsx.report.problems.map((p) => [p.row, p.column])).toEqual([[2, "trlTarget"]]);
  });

  it("never tells a broker whether a company holds a draft of that title (a need the broker may not see)", async () => {
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: company.organisationId! } });
    const secret = `国标 77 号：保密的草稿 ${run}`;
    await prisma.need.create({
      data: { title: secret, description: good(77).description!, field: "新材料", status: "DRAFT", organisationId: org.id, createdById: company.actor.id },
    });
    const probe = csv([{ company: org.name, ...good(77, { title: secret }) }], ["company", ...NEED_IMPORT_COLUMNS]);
    const asBroker = await importNeedsFile(prisma, broker.actor, file(probe), "validate");
    expect(asBroker.report.problems).toEqual([]);
    // The company itself is told: it is its own draft.
    const own = await importNeedsFile(prisma, company.actor, file(csv([good(77, { title: secret })])), "validate");
    expect(wordImportReport(own.report, "en").problems.map((p) => [p.row, p.column])).toEqual([[2, "title"]]);
  });

  it("refuses roles that do not post needs", async () => {
    await expect(importNeedsFile(prisma, researcher.actor, file(csv([good(41)])), "validate")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
