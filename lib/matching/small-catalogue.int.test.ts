// A new deployment: the first need meets a catalogue of one or two results. Corpus statistics over
// one or two documents say nothing about which words are rare, so the matcher must still give a
// perfect pair a good calibrated score (and an unrelated one a poor one) - not the ~1% it gave when
// document frequencies over N = 1..2 made every shared word look common (issue 13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { syncResult } from "@/lib/search/sync";
import { createNeed, createOrgAndUser, createResult, removeOrgData, testDb } from "@/lib/search/search-test-fixtures";
import { isGoodMatch } from "./calibrate";
import { clearDfCache, matchResultsForNeed } from "./matcher";

let db: PrismaClient;
const orgs: string[] = [];

beforeAll(() => {
  db = testDb();
});

afterAll(async () => {
  for (const orgId of orgs) await removeOrgData(db, orgId);
  await db?.$disconnect();
});

async function owner() {
  const { org, user } = await createOrgAndUser(db);
  orgs.push(org.id);
  return { orgId: org.id, userId: user.id };
}

/** Empties the catalogue (the file's own indexes) of earlier tests' rows. */
async function freshCatalogue() {
  while (orgs.length) await removeOrgData(db, orgs.pop()!);
  clearDfCache();
}

async function scoreOf(
  need: { title: string; description: string; keywords?: string[] },
  result: { title: string; summary: string; lang?: "zh" | "en"; keywords?: string[] },
) {
  await freshCatalogue();
  const o = await owner();
  const r = await createResult(db, o, { status: "PUBLISHED", lang: "zh", ...result });
  expect((await syncResult(db, r.id)).actions.results).toBe("upserted");
  const n = await createNeed(db, o, { status: "PUBLISHED", ...need });
  const res = await matchResultsForNeed(db, n.id, { limit: 5 });
  if (!res?.ok) throw new Error("matcher unavailable");
  return res.matches.find((m) => m.id === r.id)?.score ?? 0;
}

const NEED = {
  title: "智能手环抗磁干扰姿态估计",
  description:
    "我们的智能手环在地铁和电梯等强磁环境下航向漂移严重，已尝试传统互补滤波，效果不理想。希望获得能识别磁干扰并保持航向误差小于 3 度的姿态估计算法。",
  keywords: ["姿态估计", "磁干扰", "可穿戴"],
};

describe("a catalogue of one result", () => {
  it("scores the need's perfect result as a good match", async () => {
    const score = await scoreOf(NEED, {
      title: "抗磁干扰的九轴惯性姿态估计算法",
      summary: "面向可穿戴设备的姿态估计算法，在强磁干扰环境下自动识别并抑制磁力计异常，航向误差小于 2 度。",
      keywords: ["姿态估计", "磁干扰", "IMU", "传感器融合"],
    });
    expect(isGoodMatch(score)).toBe(true);
    expect(score).toBeLessThanOrEqual(0.95);
  });

  it("scores an unrelated result below the good-match threshold", async () => {
    const score = await scoreOf(NEED, {
      title: "电解水制氢非贵金属催化剂",
      summary: "一种用于电解水制氢的非贵金属催化剂，显著降低制氢成本，稳定运行一千小时。",
    });
    expect(isGoodMatch(score)).toBe(false);
  });

  it("works the same across languages (a Chinese need, an English result)", async () => {
    const good = await scoreOf(
      { title: "提高锂离子电池的能量密度和安全性", description: "我们需要固态电解质技术，用于电动汽车动力电池。" },
      {
        title: "Solid-state electrolyte for lithium-ion batteries",
        summary: "A sulfide solid electrolyte that raises the energy density and safety of lithium-ion batteries for electric vehicles.",
        lang: "en",
      },
    );
    expect(isGoodMatch(good)).toBe(true);
    const bad = await scoreOf(
      { title: "提高锂离子电池的能量密度和安全性", description: "我们需要固态电解质技术，用于电动汽车动力电池。" },
      {
        title: "Fatigue monitoring of wind turbine blades",
        summary: "Acoustic sensors detect fatigue cracks in composite wind turbine blades before failure.",
        lang: "en",
      },
    );
    expect(isGoodMatch(bad)).toBe(false);
  });
});

describe("a catalogue of two results", () => {
  it("the matching one is a good match, the other is not", async () => {
    await freshCatalogue();
    const o = await owner();
    const good = await createResult(db, o, {
      status: "PUBLISHED",
      lang: "zh",
      title: "抗磁干扰的九轴惯性姿态估计算法",
      summary: "面向可穿戴设备的姿态估计算法，在强磁干扰环境下自动识别并抑制磁力计异常，航向误差小于 2 度。",
    });
    const other = await createResult(db, o, {
      status: "PUBLISHED",
      lang: "zh",
      title: "海洋防腐涂层",
      summary: "一种用于海上风电钢结构的长效防腐涂层，耐盐雾腐蚀。",
    });
    for (const r of [good, other]) await syncResult(db, r.id);
    const n = await createNeed(db, o, { status: "PUBLISHED", ...NEED });
    const res = await matchResultsForNeed(db, n.id, { limit: 5 });
    if (!res?.ok) throw new Error("matcher unavailable");
    expect(res.matches[0]?.id).toBe(good.id);
    expect(isGoodMatch(res.matches[0]!.score)).toBe(true);
    expect(isGoodMatch(res.matches.find((m) => m.id === other.id)?.score ?? 0)).toBe(false);
  });
});
