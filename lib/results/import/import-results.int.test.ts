// Bulk import against the real database: report before writing, the two modes, re-import updates.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/lib/api/api-test-kit";
import { prisma } from "@/lib/db";
import { seedTaxonomy } from "@/scripts/seed";
import { toCsvLine } from "./csv";
import { IMPORT_COLUMNS } from "./columns";
import { importResultsCsv } from "./import-results";

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
    const out = await importResultsCsv(prisma, officer.actor, withTwoBad(), "validate", "zh-CN");
    expect(out.written).toBe(false);
    expect(out.report.badRows).toEqual([8, 32]);
    expect(out.report.problems.map((p) => [p.row, p.column])).toEqual([[8, "trl"], [32, "summary"]]);
    expect(out.report.valid).toHaveLength(48);
    expect(await count()).toBe(0);
  });

  it("imports nothing in all-or-nothing mode when a row is bad", async () => {
    const out = await importResultsCsv(prisma, officer.actor, withTwoBad(), "all-or-nothing", "zh-CN");
    expect(out).toMatchObject({ written: false, created: 0 });
    expect(await count()).toBe(0);
  });

  it("imports only the valid rows by choice, then updates them on re-import by external id", async () => {
    const first = await importResultsCsv(prisma, officer.actor, withTwoBad(), "valid-only", "zh-CN");
    expect(first).toMatchObject({ written: true, created: 48, updated: 0 });
    expect(await count()).toBe(48);
    const row = await prisma.result.findFirstOrThrow({ where: { organisationId: officer.organisationId, externalId: "TTO-1" } });
    expect(row).toMatchObject({ keywords: ["导热", "界面材料"], transferModes: ["LICENCE"], trl: 5, chainNodeId: "materials.thermal", status: "PUBLISHED", lang: "zh", version: 1 });

    const again = await importResultsCsv(prisma, officer.actor, csv(50, {}, "更新"), "all-or-nothing", "zh-CN");
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
    const out = await importResultsCsv(prisma, other.actor, csv(3), "all-or-nothing", "en");
    expect(out.created).toBe(3);
    await expect(importResultsCsv(prisma, company.actor, csv(1), "all-or-nothing", "en")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
