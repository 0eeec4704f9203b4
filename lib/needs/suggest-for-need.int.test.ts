// The wizard's suggestions use the matcher's evidence rules and its "good match" threshold: noise
// words are never offered as keywords, and the "similar" panel shows a clear match but none of the
// unrelated items a vague text would otherwise bring up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clearDfCache } from "@/lib/matching/matcher";
import { createOrgAndUser, createResult, removeOrgData, testDb } from "@/lib/search/search-test-fixtures";
import { syncResult } from "@/lib/search/sync";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { suggestForNeed } from "./suggest-for-need";

let db: PrismaClient;
let orgId: string;
let company: ApiUser;
const ids: Record<string, string> = {};

const RESULTS = {
  pcabs: {
    title: "PC/ABS 合金无卤阻燃改性配方",
    summary: "PC/ABS 合金的无卤阻燃改性技术，阻燃等级 UL94 V-0，注塑流动性好，冲击强度保持，适用于充电器外壳。",
    keywords: ["PC/ABS", "无卤阻燃", "阻燃改性"],
  },
  poct: {
    title: "微流控 POCT 即时检测芯片",
    summary: "一种用于即时检测的微流控芯片，十五分钟内完成血液中炎症标志物的定量检测。",
    keywords: ["微流控", "POCT"],
  },
  mrna: {
    title: "mRNA 疫苗冻干保护工艺",
    summary: "mRNA 脂质纳米颗粒疫苗的冻干保护剂配方与冻干曲线，室温储存六个月活性不降。",
    keywords: ["mRNA", "冻干"],
  },
};

beforeAll(async () => {
  db = testDb();
  clearDfCache();
  const { org, user } = await createOrgAndUser(db);
  orgId = org.id;
  for (const [key, r] of Object.entries(RESULTS)) {
    ids[key] = (await createResult(db, { orgId: org.id, userId: user.id }, { ...r, field: "新材料", trl: 6, status: "PUBLISHED" })).id;
    await syncResult(db, ids[key]!);
  }
  company = await createApiUser("COMPANY");
}, 120_000);

afterAll(async () => {
  if (orgId) await removeOrgData(db, orgId);
  await db?.$disconnect();
});

describe("wizard suggestions", () => {
  it("show a clear match among similar results, and never an unrelated one", async () => {
    const got = await suggestForNeed(company.actor, {
      title: "充电器外壳 PC/ABS 无卤阻燃改性",
      text: "我们生产充电器外壳，需要 PC/ABS 合金的无卤阻燃改性配方，阻燃等级达到 UL94 V-0，注塑流动性好，冲击强度不下降。",
      keywords: [],
    });
    expect(got.similarResults.map((r) => r.id)).toContain(ids.pcabs);
    expect(got.similarResults.map((r) => r.id)).not.toContain(ids.poct);
    expect(got.similarResults.map((r) => r.id)).not.toContain(ids.mrna);
  });

  it("a vague text in everyday words gets no similar items and no noise keywords", async () => {
    const got = await suggestForNeed(company.actor, {
      title: "想找高校合作改进工艺",
      text: "我们厂有时候做得不好，成本有点高，想找高校合作改进一下，合作改进以后效果要好一点。",
      keywords: [],
    });
    expect(got.similarResults).toEqual([]);
    for (const w of ["有时候", "高校合作", "合作改进", "合作", "工艺", "做", "不"]) expect(got.keywords).not.toContain(w);
  });
});
