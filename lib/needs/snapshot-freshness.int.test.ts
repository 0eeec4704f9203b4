// A need's stored match list follows the catalogue: publishing or changing a result refreshes the
// snapshots of the needs it matches, through the real worker (index -> match-result ->
// refresh-need-matches), without the need being edited or its freshness window running out.
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { startWorker } from "@/lib/worker/run-worker";
import { createNeed } from "@/lib/needs/create-need";
import { createResult } from "@/lib/results/create-result";
import type { Match } from "@/lib/matching/matcher";
import { getNeedMatches } from "./get-need-matches";

/** Waits until the queue is empty; a failed job fails the test. */
async function drained(): Promise<void> {
  await vi.waitFor(
    async () => {
      const jobs = await prisma.$queryRaw<
        { task_identifier: string; last_error: string | null }[]
      >`SELECT task_identifier, last_error FROM graphile_worker.jobs WHERE attempts < max_attempts`;
      const failed = jobs.find((j) => j.last_error);
      if (failed) throw new Error(`job ${failed.task_identifier} failed: ${failed.last_error}`);
      if (jobs.length > 0) throw new Error(`${jobs.length} job(s) pending`);
    },
    { timeout: 60_000, interval: 200 },
  );
}

const snapshotIds = async (needId: string) => {
  const row = await prisma.needMatchSnapshot.findUniqueOrThrow({ where: { needId } });
  return { ids: (row.matches as unknown as Match[]).map((m) => m.id), computedAt: row.computedAt, needVersion: row.needVersion };
};

let worker: Runner;
let company: ApiUser;
let researcher: ApiUser;
let needId: string;
let earphoneId: string;

beforeAll(async () => {
  worker = await startWorker(process.env.DATABASE_URL!, 2);
  [company, researcher] = await Promise.all([createApiUser("COMPANY"), createApiUser("RESEARCHER")]);
  // A weak match that tops the need's list until something better is published.
  ({ id: earphoneId } = await createResult(researcher.actor, {
    title: "低功耗蓝牙耳机外壳注塑工艺",
    summary: "一种蓝牙耳机外壳的注塑工艺，降低翘曲，适合小批量生产。",
    field: "电子信息",
    keywords: ["耳机", "注塑"],
    trl: 6,
    transferModes: [],
  }));
  ({ id: needId } = await createNeed(company.actor, {
    title: "PC/ABS 合金无卤阻燃改性",
    description: "我们生产充电器外壳，需要 PC/ABS 合金的无卤阻燃改性配方，阻燃等级达到 UL94 V-0，注塑流动性好，冲击强度不下降。",
    field: "新材料",
    keywords: ["PC/ABS", "无卤阻燃", "注塑"],
    visibility: "PUBLIC",
    collaborationModes: [],
    teaserFields: [],
  }));
  await drained();
}, 180_000);

afterAll(async () => {
  await worker?.stop();
});

describe("publishing a result refreshes the snapshots of the needs it matches", () => {
  it("a perfect new result appears in the need's list within its freshness window, the need unedited", async () => {
    const before = await snapshotIds(needId);
    expect(before.ids).not.toHaveLength(0);
    expect(before.ids[0]).toBe(earphoneId);

    const { id: perfectId } = await createResult(researcher.actor, {
      title: "PC/ABS 合金无卤阻燃改性配方",
      summary: "PC/ABS 合金的无卤阻燃改性技术，阻燃等级 UL94 V-0，注塑流动性好，冲击强度保持，适用于充电器和电子外壳。",
      field: "新材料",
      keywords: ["PC/ABS", "无卤阻燃", "阻燃改性"],
      trl: 6,
      transferModes: [],
    });
    await drained();

    const after = await snapshotIds(needId);
    expect(after.needVersion).toBe(before.needVersion);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    expect(after.ids[0]).toBe(perfectId);
    // What the need page serves (the snapshot, re-checked) shows it first too.
    const served = await getNeedMatches(company.actor, needId, 10);
    expect(served.ok && served.matches[0]?.id).toBe(perfectId);
  }, 120_000);

  it("a need that was never viewed or matched gets no snapshot from a result's publication", async () => {
    await prisma.needMatchSnapshot.delete({ where: { needId } });
    await createResult(researcher.actor, {
      title: "PC/ABS 无卤阻燃母粒",
      summary: "用于 PC/ABS 合金的无卤阻燃母粒，阻燃 V-0，注塑外壳。",
      field: "新材料",
      keywords: ["PC/ABS", "无卤阻燃"],
      trl: 5,
      transferModes: [],
    });
    await drained();
    expect(await prisma.needMatchSnapshot.findUnique({ where: { needId } })).toBeNull();
  }, 120_000);
});
