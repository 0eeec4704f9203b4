// npm run bench:import — 10,000 research results imported from CSV through the production path
// (parse, validate every row, one upsert per 1,000 rows with index jobs in the same transaction),
// into a throwaway database on TEST_PG_ADMIN_URL (default postgres@127.0.0.1:5432). Then the same
// file again, which updates every row by external id, then the same rows as an XLSX workbook.
// Prints the figures; target < 60 s.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deployMigrations } from "@/scripts/db/engine";
import { createThrowawayDatabase } from "@/scripts/services/embedded-postgres";
import { seedTaxonomy } from "@/scripts/seed";
import { toCsvLine } from "@/lib/csv/write-csv";
import { IMPORT_COLUMNS } from "@/lib/results/import/columns";
import { importResultsCsv, importResultsFile } from "@/lib/results/import/import-results";
import writeXlsxFile from "write-excel-file/node";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const NODES = ["sensor.fusion", "energy.materials", "materials.thermal", "robot.reducer", "meddev.ivd", "software.ai"];

function makeCsv(n: number, round: number): string {
  return makeRows(n, round).map(toCsvLine).join("\r\n");
}

/** Header plus n rows of cells (the same content the CSV and the XLSX files carry). */
function makeRows(n: number, round: number): string[][] {
  const lines: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = 1; i <= n; i++) {
    const v: Record<string, string> = {
      externalId: `BENCH-${i}`,
      title: `第 ${i} 号成果：高导热相变界面材料（第 ${round} 版）`,
      summary: "导热系数大于 8 W/mK 的相变界面材料，适用于电池包、功率器件与服务器散热，可规模化生产。",
      description: "采用改性石墨烯填料与低熔点合金复合，界面热阻低于 0.05 K·cm²/W。A phase-change thermal interface material for battery packs.",
      field: "新材料",
      keywords: "导热、界面材料、相变",
      trl: String((i % 9) + 1),
      transferModes: i % 2 ? "许可、合作开发" : "转让",
      chainNodeId: NODES[i % NODES.length]!,
      advantages: "热阻低；可返修",
      applicationScenarios: "动力电池、储能、数据中心",
      patents: `CN2023${String(i).padStart(7, "0")}.5|INVENTION|GRANTED|CN`,
      priceExpectation: "面议",
      lab: "先进材料实验室",
      team: "材料学院 陈教授团队",
    };
    lines.push(IMPORT_COLUMNS.map((c) => v[c] ?? ""));
  }
  return lines;
}

const db = await createThrowawayDatabase(adminUrl, "tb_bench_");
try {
  await deployMigrations(db.databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.databaseUrl }) });
  try {
    await seedTaxonomy(prisma);
    const org = await prisma.organisation.create({ data: { name: "Bench TTO", kind: "TTO" } });
    const user = await prisma.user.create({ data: { email: "bench@example.cn", role: "BROKER", organisationId: org.id } });
    const actor = { id: user.id, role: user.role, organisationId: org.id, isOrgAdmin: false, email: user.email, name: null };
    for (const round of [1, 2]) {
      const csv = makeCsv(ROWS, round);
      const started = performance.now();
      const out = await importResultsCsv(prisma, actor, csv, "all-or-nothing");
      const seconds = (performance.now() - started) / 1000;
      if (!out.written || out.report.problems.length) throw new Error(`import refused: ${JSON.stringify(out.report.problems.slice(0, 3))}`);
      console.log(
        `${round === 1 ? "first import " : "re-import    "}: ${ROWS} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB) in ${seconds.toFixed(2)} s` +
          ` = ${Math.round(ROWS / seconds)} rows/s; created ${out.created}, updated ${out.updated}; target < 60 s: ${seconds < 60 ? "OK" : "MISSED"}`,
      );
    }
    // The same rows as an XLSX workbook (third version of every title): read, validated, upserted.
    const workbook = new Uint8Array(await writeXlsxFile(makeRows(ROWS, 3)).toBuffer());
    const started = performance.now();
    const out = await importResultsFile(prisma, actor, { name: "bench.xlsx", bytes: workbook }, "all-or-nothing");
    const seconds = (performance.now() - started) / 1000;
    if (!out.written || out.report.problems.length || out.report.fileProblems.length)
      throw new Error(`XLSX import refused: ${JSON.stringify([...out.report.fileProblems, ...out.report.problems.slice(0, 3)])}`);
    console.log(
      `XLSX re-import: ${ROWS} rows (${(workbook.length / 1024 / 1024).toFixed(1)} MB workbook) in ${seconds.toFixed(2)} s` +
        ` = ${Math.round(ROWS / seconds)} rows/s; created ${out.created}, updated ${out.updated}; target < 60 s: ${seconds < 60 ? "OK" : "MISSED"}`,
    );
    console.log(`rows in database: ${await prisma.result.count()}`);
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await db.drop();
}
