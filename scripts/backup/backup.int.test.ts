// npm run backup / npm run restore end to end, as an operator runs them (the CLIs as child
// processes): rows in, backup, damage (rows deleted, a table altered, the index dropped),
// restore, and the rows, the schema and the search index are back.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getMeili, indexFor, indexUid } from "@/lib/search/client";
import { rebuildAllIndexes } from "@/lib/search/rebuild";
import { bin, projectRoot } from "@/scripts/services/util";

const run = promisify(execFile);
const cli = (script: string, ...args: string[]) =>
  run(bin("tsx"), ["--conditions=react-server", `scripts/${script}.ts`, ...args], { cwd: projectRoot, env: process.env, timeout: 180_000 });

const dir = mkdtempSync(path.join(os.tmpdir(), "tb-backup-"));
const file = path.join(dir, "techbridge.dump");
let needIds: string[] = [];
let snapshot: unknown[] = [];

const readNeeds = () =>
  prisma.need.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, description: true, keywords: true, version: true, visibility: true } });

beforeAll(async () => {
  const org = await prisma.organisation.create({ data: { name: `Backup Org ${Date.now()}`, kind: "COMPANY", region: "南山区" } });
  const user = await prisma.user.create({ data: { email: `backup-${Date.now()}@example.cn`, role: "COMPANY", organisationId: org.id } });
  await prisma.need.createMany({
    data: Array.from({ length: 25 }, (_, i) => ({
      title: `备份恢复测试需求 ${i} 固态电池`,
      description: `需要一种固态电解质（第 ${i} 条），'引号' 与 "双引号"、换行\n和 emoji 🔋 都要原样恢复。`,
      field: "新能源",
      keywords: ["固态电池", `k${i}`],
      status: "PUBLISHED" as const,
      visibility: i % 5 === 0 ? ("CONFIDENTIAL" as const) : ("PUBLIC" as const),
      teaser: i % 5 === 0 ? "一项保密的电池需求" : null,
      publishedAt: new Date(),
      organisationId: org.id,
      createdById: user.id,
    })),
  });
  snapshot = await readNeeds();
  needIds = (snapshot as { id: string }[]).map((n) => n.id);
  await rebuildAllIndexes(prisma);
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

describe("npm run backup / npm run restore", () => {
  it("backs up, and after rows are deleted, a table altered and the index dropped, restores everything and rebuilds the index", async () => {
    const backup = await cli("backup", file);
    expect(backup.stdout).toMatch(/^backup: .*techbridge\.dump/m);
    expect(statSync(file).size).toBeGreaterThan(1000);

    // Damage: rows gone, a column gone, the search index gone.
    await prisma.need.deleteMany({ where: { id: { in: needIds.slice(0, 10) } } });
    await prisma.need.update({ where: { id: needIds[10]! }, data: { title: "被改坏的标题" } });
    await prisma.$executeRawUnsafe(`ALTER TABLE "Result" DROP COLUMN "summary"`);
    await getMeili().deleteIndex(indexUid("needs")).waitTask();

    // Without --yes nothing happens.
    await expect(cli("restore", file)).rejects.toMatchObject({ code: 2 });
    expect(await prisma.need.count()).toBe(15);

    const restore = await cli("restore", file, "--yes");
    expect(restore.stdout).toMatch(/restore: .* restored with pg_restore/);
    expect(restore.stdout).toMatch(/search indexes rebuilt \(needs 25, needs_broker 25, results 0\)/);

    expect(await readNeeds()).toEqual(snapshot);
    const columns = await prisma.$queryRawUnsafe<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Result' AND column_name = 'summary'`,
    );
    expect(columns).toHaveLength(1);
    const hits = await indexFor("needs").search("固态电池", { limit: 50 });
    expect(hits.estimatedTotalHits).toBe(25);
    // The confidential ones are back in the index as teasers only.
    const confidential = await indexFor("needs").getDocument<{ description: string | null; teaser: string }>(needIds[0]!);
    expect(confidential).toMatchObject({ description: null, teaser: "一项保密的电池需求" });
  }, 300_000);

  it("refuses a missing archive with a clear error and changes nothing", async () => {
    await expect(cli("restore", path.join(dir, "missing.dump"), "--yes")).rejects.toMatchObject({ stderr: expect.stringMatching(/ENOENT|no such file/) });
    expect(await prisma.need.count()).toBe(25);
  }, 120_000);
});
