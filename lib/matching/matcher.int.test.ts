// The matcher against a real Meilisearch (tests/global-setup.ts): bilingual matching both ways,
// explanations, structured fit, and viewer-aware result -> needs matching.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { resultDocument, type ResultRow } from "@/lib/search/documents";
import { indexDocumentsBulk, syncNeed, syncResult } from "@/lib/search/sync";
import { createNeed, createOrgAndUser, createResult, ensureChain, removeOrgData, testDb, uniq } from "@/lib/search/search-test-fixtures";
import { getMeili, indexUid, matchIndexUid } from "@/lib/search/client";
import { clearDfCache, matchNeedsForResult, matchResultsForNeed, matchSubject } from "./matcher";

const t = uniq();
const row = (id: string, lang: "zh" | "en", title: string, summary: string, over: Partial<ResultRow> = {}): ResultRow => ({
  id: `${id}-${t}`,
  version: 1,
  title,
  summary,
  description: null,
  keywords: [],
  field: "materials",
  lang,
  status: "PUBLISHED",
  trl: 5,
  transferModes: ["LICENCE"],
  chainNodeId: null,
  organisationId: "org",
  createdAt: new Date(),
  organisation: { name: "Lab", region: null },
  chainNode: null,
  ...over,
});

const corpus: ResultRow[] = [
  row(
    "en-battery",
    "en",
    "Solid-state electrolyte for lithium-ion batteries",
    "A sulfide solid electrolyte that raises the energy density and safety of lithium-ion batteries for electric vehicles.",
  ),
  row(
    "en-turbine",
    "en",
    "Fatigue monitoring of wind turbine blades",
    "Acoustic sensors detect fatigue cracks in composite wind turbine blades before failure.",
  ),
  row(
    "en-water",
    "en",
    "Membrane bioreactor for industrial wastewater",
    "A membrane bioreactor that removes organic pollutants in industrial wastewater treatment at low energy cost.",
  ),
  row(
    "en-vision",
    "en",
    "Deep learning for surface defect detection",
    "A neural network inspects steel surfaces and finds defects on production lines in real time.",
  ),
  row("zh-sensor", "zh", "石墨烯柔性压力传感器", "基于石墨烯的柔性压力传感器，灵敏度高，可用于可穿戴设备和机器人皮肤。"),
  row("zh-catalyst", "zh", "电解水制氢非贵金属催化剂", "一种用于电解水制氢的非贵金属催化剂，显著降低制氢成本，稳定运行一千小时。"),
  row("zh-coating", "zh", "海洋防腐涂层", "一种用于海上风电钢结构的长效防腐涂层，耐盐雾腐蚀。"),
  row("zh-drug", "zh", "抗肿瘤小分子药物", "针对肺癌靶点的小分子抑制剂，已完成临床前研究。"),
];
const id = (key: string) => `${key}-${t}`;

let db: PrismaClient;

beforeAll(async () => {
  db = testDb();
  await indexDocumentsBulk(
    "results",
    corpus.map((r) => resultDocument(r)!),
  );
  clearDfCache();
});

type Owner = { orgId: string; userId: string };
let owner: Owner | undefined;
const me = (): Owner => {
  if (!owner) throw new Error("no owner yet");
  return owner;
};

afterAll(async () => {
  // Leave the shared test indexes and database as we found them.
  const ids = corpus.map((r) => r.id);
  for (const uid of [indexUid("results"), matchIndexUid("results")]) await getMeili().index(uid).deleteDocuments(ids).waitTask();
  if (owner) await removeOrgData(db, owner.orgId);
  await db?.$disconnect();
});

const topIds = async (title: string, body = "") => {
  const r = await matchSubject({ text: { title, body } }, "results", { limit: 5 });
  if (!r.ok) throw new Error("matcher unavailable");
  return r.matches;
};

describe("bilingual matching", () => {
  it("a Chinese need finds its English result", async () => {
    const m = await topIds("提高锂离子电池的能量密度和安全性", "我们需要固态电解质技术，用于电动汽车动力电池。");
    expect(m[0]?.id).toBe(id("en-battery"));
    const terms = m[0]!.explanation.matchedTerms;
    // chips are words as written on both sides: the need's Chinese word, the result's English word
    expect(terms.some((x) => /[\u4e00-\u9fff]/.test(x.needTerm) && /^[a-z -]+$/i.test(x.resultTerm))).toBe(true);
    expect(terms.map((x) => x.needTerm).join(" ")).toMatch(/电解质|锂离子电池|能量密度/);
    for (const x of terms) expect(x.resultTerm).not.toMatch(/^(batteri|electrolyt|densiti|energi)$/);
    expect(m[0]!.score).toBeGreaterThan(0);
    expect(m[0]!.score).toBeLessThanOrEqual(0.95);
  });

  it("an English need finds its Chinese result", async () => {
    const m = await topIds("Flexible pressure sensor based on graphene", "for robot skin and wearable devices");
    expect(m[0]?.id).toBe(id("zh-sensor"));
    expect(m[0]!.explanation.matchedTerms.some((x) => x.needTerm === "graphene" && x.resultTerm === "石墨烯")).toBe(true);
  });

  it("works for other pairs too (hydrogen, wastewater)", async () => {
    expect((await topIds("Hydrogen production by water electrolysis", "a cheap catalyst without noble metals"))[0]?.id).toBe(id("zh-catalyst"));
    expect((await topIds("污水处理", "工业废水的膜生物反应器"))[0]?.id).toBe(id("en-water"));
  });

  it("returns nothing rather than noise for an unrelated need", async () => {
    const m = await topIds("qzxv unknownword", "");
    expect(m).toEqual([]);
  });
});

describe("database-backed matching", () => {
  let nodeId: string;
  beforeAll(async () => {
    const { org, user } = await createOrgAndUser(db);
    owner = { orgId: org.id, userId: user.id };
    ({ nodeId } = await ensureChain(db));
  });

  it("ranks results for a need with structured fit in the explanation", async () => {
    const r = await createResult(db, me(), {
      title: `钠离子电池正极材料 ${t}`,
      summary: "一种层状氧化物正极材料，提高钠离子电池的循环寿命。",
      chainNodeId: nodeId,
      trl: 6,
      transferModes: ["CO_DEVELOPMENT"],
    });
    await syncResult(db, r.id);
    const need = await createNeed(db, me(), {
      title: "钠离子电池正极材料循环寿命",
      description: "需要提高钠离子电池正极材料的循环寿命",
      chainNodeId: nodeId,
      trlTarget: 6,
      collaborationModes: ["CO_DEVELOPMENT"],
    });
    clearDfCache();
    const res = await matchResultsForNeed(db, need.id, { limit: 3 });
    if (!res?.ok) throw new Error("matcher unavailable");
    expect(res.matches[0]?.id).toBe(r.id);
    expect(res.matches[0]!.explanation).toMatchObject({ sameChainNode: true, sameChain: true, trlFit: true, sharedModes: ["CO_DEVELOPMENT"] });
  });

  it("matches needs for a result per viewer: confidential as teaser only, broker-only for brokers", async () => {
    const base = { chainNodeId: nodeId, keywords: [] as string[] };
    const conf = await createNeed(db, me(), {
      ...base,
      title: `超级电容器电极 ${t}`,
      teaser: "寻找超级电容器电极材料",
      description: "我们的秘密工艺使用钌氧化物前驱体",
      visibility: "CONFIDENTIAL",
    });
    const brokerOnly = await createNeed(db, me(), { ...base, title: `超级电容器隔膜 ${t}`, description: "超级电容器隔膜需求", visibility: "BROKER_ONLY" });
    await syncNeed(db, conf.id);
    await syncNeed(db, brokerOnly.id);
    const result = await createResult(db, me(), { title: "超级电容器电极材料", summary: "钌氧化物前驱体制备的超级电容器电极，兼作隔膜。" });
    clearDfCache();
    const asCompany = await matchNeedsForResult(db, result.id, { viewer: { role: "COMPANY", organisationId: "x" } });
    if (!asCompany?.ok) throw new Error("matcher unavailable");
    const ids = asCompany.matches.map((m) => m.id);
    expect(ids).toContain(conf.id);
    expect(ids).not.toContain(brokerOnly.id);
    const confMatch = asCompany.matches.find((m) => m.id === conf.id)!;
    // only teaser words can have matched: the secret precursor never shows up
    expect(JSON.stringify(confMatch)).not.toMatch(/钌|前驱体|秘密/);
    expect(confMatch.organisationName).toBeNull();
    const asBroker = await matchNeedsForResult(db, result.id, { viewer: { role: "BROKER", organisationId: null } });
    if (!asBroker?.ok) throw new Error("matcher unavailable");
    expect(asBroker.matches.map((m) => m.id)).toEqual(expect.arrayContaining([conf.id, brokerOnly.id]));
  });

  it("says 'unavailable' when Meilisearch cannot be reached", async () => {
    const saved = process.env.MEILI_URL;
    process.env.MEILI_URL = "http://127.0.0.1:9";
    try {
      clearDfCache();
      expect(await matchSubject({ text: { title: "lithium battery" } }, "results")).toEqual({ ok: false, reason: "unavailable" });
    } finally {
      process.env.MEILI_URL = saved;
    }
  });
});
