// Catalogue search against a real Meilisearch with realistic records: product codes searched as
// written (never translated, never prefix-matched), Chinese words found inside longer words, both
// languages searched every time and ranked together, English typos tolerated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FederatedMultiSearchParams, MultiSearchParams } from "meilisearch";
import { getMeili } from "./client";
import { indexUid } from "./config";
import { CATALOG_SEARCH_ATTRIBUTES, indexSettings } from "./settings-data";
import { catalogQueries, catalogSearchRequest, searchCatalog } from "./search";
import { syncResult } from "./sync";
import { createOrgAndUser, createResult, removeOrgData, testDb } from "./search-test-fixtures";

let db: PrismaClient;
let orgId: string;
const ids: Record<string, string> = {};

const RESULTS = {
  xray: {
    title: "锂电池极片金属异物X射线在线检测系统",
    summary: "基于X射线成像的锂电池极片在线检测系统，可识别 50 微米以上的金属异物，检测速度 60 米每分钟。",
    lang: "zh" as const,
  },
  recycling: {
    title: "废旧电池高效回收再生技术",
    summary: "废旧电池拆解与正极材料再生工艺，回收率超过 95%，适用于动力电池退役后的梯次利用。",
    lang: "zh" as const,
  },
  electrode: {
    title: "High-capacity battery electrode coating",
    summary: "A water-based electrode coating for lithium-ion battery cells that raises capacity by 12% and removes NMP solvent.",
    lang: "en" as const,
  },
  encoder: {
    title: "Absolute position encoder for servo motors",
    summary: "A 23-bit absolute rotary encoder with multi-turn counting and no battery backup, for industrial servo motors.",
    lang: "en" as const,
  },
  pcabsZh: {
    title: "PC/ABS 合金无卤阻燃改性",
    summary: "PC/ABS 合金的无卤阻燃改性配方，阻燃等级 UL94 V-0，注塑流动性好，适用于充电器外壳。",
    lang: "zh" as const,
  },
  pcabsEn: {
    title: "Halogen-free flame-retardant PC/ABS blend",
    summary: "A halogen-free flame-retardant PC/ABS blend rated UL94 V-0 at 1.5 mm for charger and adapter housings.",
    lang: "en" as const,
  },
  sus303: {
    title: "SUS303 不锈钢易切削加工工艺",
    summary: "SUS303 易切削不锈钢的车削参数优化，刀具寿命提高 30%。",
    lang: "zh" as const,
  },
  sus304: {
    title: "SUS304 不锈钢薄板激光焊接",
    summary: "SUS304 不锈钢薄板的激光焊接工艺，焊缝无气孔，变形小。",
    lang: "zh" as const,
  },
  computer: {
    title: "个人电脑散热风扇降噪技术",
    summary: "面向个人电脑和笔记本的散热风扇降噪设计，噪声降低 6 分贝，已在多款机型上验证。",
    lang: "zh" as const,
  },
};

beforeAll(async () => {
  db = testDb();
  const { org, user } = await createOrgAndUser(db);
  orgId = org.id;
  for (const [key, r] of Object.entries(RESULTS)) {
    ids[key] = (await createResult(db, { orgId: org.id, userId: user.id }, { ...r, field: "新材料", trl: 6, status: "PUBLISHED" })).id;
    await syncResult(db, ids[key]!);
  }
}, 120_000);

afterAll(async () => {
  if (orgId) await removeOrgData(db, orgId);
  await db?.$disconnect();
});

async function found(q: string): Promise<string[]> {
  const res = await searchCatalog({ q, type: "results", viewer: null });
  if (!res.ok) throw new Error(`search failed: ${JSON.stringify(res)}`);
  const hitIds = res.hits.map((h) => h.id);
  // One list: a record found by the query and its translation is listed (and counted) once.
  expect(new Set(hitIds).size).toBe(hitIds.length);
  expect(res.total).toBe(hitIds.length);
  return hitIds;
}

describe("(a) product codes are searched as written", () => {
  it("PC/ABS finds the PC/ABS records in both languages and nothing about personal computers", async () => {
    const hits = await found("PC/ABS");
    expect(hits).toEqual(expect.arrayContaining([ids.pcabsZh, ids.pcabsEn]));
    expect(hits).not.toContain(ids.computer);
    for (const q of catalogQueries("PC/ABS").queries) for (const noise of ["个人电脑", "安倍", "亚伯"]) expect(q).not.toContain(noise);
  });
  it("ABS does not match the prefix of absolute", async () => {
    const hits = await found("ABS");
    expect(hits).toEqual(expect.arrayContaining([ids.pcabsZh, ids.pcabsEn]));
    expect(hits).not.toContain(ids.encoder);
  });
  it("a code typed in lower case does not match the prefix of a word either: abs does not find absolute", async () => {
    const hits = await found("abs");
    expect(hits).toEqual(expect.arrayContaining([ids.pcabsZh, ids.pcabsEn]));
    expect(hits).not.toContain(ids.encoder);
  });
  it("a grade is not typo-matched into another grade: SUS304 does not find SUS303", async () => {
    for (const q of ["SUS304", "sus304", "SUS304 不锈钢"]) {
      const hits = await found(q);
      expect(hits, q).toContain(ids.sus304);
      expect(hits, q).not.toContain(ids.sus303);
    }
  });
  it("a code beside words keeps the words translated: PC/ABS 阻燃 finds the English blend too", async () => {
    const hits = await found("PC/ABS 阻燃");
    expect(hits).toEqual(expect.arrayContaining([ids.pcabsZh, ids.pcabsEn]));
    expect(hits).not.toContain(ids.computer);
  });
});

describe("(b) a Chinese word finds the longer words that contain it", () => {
  it("电池 finds 锂电池极片金属异物X射线在线检测系统", async () => {
    const hits = await found("电池");
    expect(hits).toEqual(expect.arrayContaining([ids.xray, ids.recycling]));
  });
  it("a word found whole in a title ranks above the same word found inside a longer one", async () => {
    const hits = await found("电池");
    expect(hits.indexOf(ids.recycling!)).toBeLessThan(hits.indexOf(ids.xray!));
  });
});

describe("(c) both languages every time, one ranking", () => {
  it("battery finds the Chinese battery records as well as the English ones", async () => {
    const hits = await found("battery");
    expect(hits).toEqual(expect.arrayContaining([ids.electrode, ids.xray, ids.recycling]));
    // The English record about batteries ranks above one that only mentions "no battery backup".
    expect(hits.indexOf(ids.electrode!)).toBeLessThan(hits.indexOf(ids.encoder!) === -1 ? Infinity : hits.indexOf(ids.encoder!));
  });
  it("电池 finds the English battery record as well as the Chinese ones", async () => {
    const hits = await found("电池");
    expect(hits).toContain(ids.electrode);
  });
  it("the response says what else was searched", async () => {
    const res = await searchCatalog({ q: "电池", type: "results", viewer: null });
    expect(res.ok && res.alsoSearched).toBe("battery");
  });
});

describe("(d) English typos", () => {
  it("baterry still finds the English battery record", async () => {
    const hits = await found("baterry");
    expect(hits).toContain(ids.electrode);
  });
  it("a typo in the last word (coatng) still finds the coating", async () => {
    expect(await found("electrode coatng")).toContain(ids.electrode);
  });
});

describe("(e) a query that does not translate is sent on its own, not federated", () => {
  // Issue 18: without federation Meilisearch skips the merge and its detailed ranking scores. What
  // users see must be what the federated request of the same query answers: hits, order, total,
  // highlighted title and snippet.
  it.each(["SUS304", "PC/ABS", "sus304"])("%s: same hits, order, total and highlights as federated", async (q) => {
    const request = catalogSearchRequest({ q, type: "results", viewer: null, limit: 20 });
    if ("invalidFilter" in request) throw new Error("no filter given");
    expect(request.texts).toHaveLength(1);
    expect("federation" in request.params).toBe(false);
    const single = request.params as MultiSearchParams;
    const { offset: _offset, limit, ...query } = single.queries[0]!;
    const federated = await getMeili().multiSearch<FederatedMultiSearchParams, Record<string, unknown>>({
      federation: { offset: 0, limit: limit ?? 20 },
      queries: [query],
    });
    const res = await searchCatalog({ q, type: "results", viewer: null, limit: 20 });
    if (!res.ok) throw new Error(`search failed: ${JSON.stringify(res)}`);
    expect(res.hits.length).toBeGreaterThan(0);
    expect(res.hits.map((h) => h.id)).toEqual(federated.hits.map((h) => String(h.id)));
    expect(res.total).toBe(federated.estimatedTotalHits);
    for (const [i, h] of federated.hits.entries()) {
      const f = h._formatted as Record<string, unknown>;
      expect(res.hits[i]!.highlights.title.map((x) => (x.match ? `[${x.text}]` : x.text)).join("")).toBe(
        String(f.title)
          .replace(/\u0002/g, "[")
          .replace(/\u0003/g, "]"),
      );
    }
  });
  it("a query that translates is still one federated search over both texts", () => {
    const request = catalogSearchRequest({ q: "电池", type: "results", viewer: null });
    if ("invalidFilter" in request) throw new Error("no filter given");
    expect(request.texts).toHaveLength(2);
    expect("federation" in request.params).toBe(true);
  });
});

describe("(f) the request searches the index's searchable attributes, which are the catalogue's fields", () => {
  // Issue 18, third pass: `attributesToSearchOn` listing the index's own searchable attributes made
  // Meilisearch read each word per field (~4% of the engine's CPU per search) for the same answer.
  // Every write configures the index first (`applyIndexSettings`), so the index searches exactly
  // the catalogue's fields.
  it("no attributesToSearchOn in any catalogue request; the index settings hold the catalogue's fields", async () => {
    for (const type of ["results", "needs"] as const) {
      const request = catalogSearchRequest({ q: "电池", type, viewer: null });
      if ("invalidFilter" in request) throw new Error("no filter given");
      for (const query of request.params.queries) expect(query).not.toHaveProperty("attributesToSearchOn");
      expect(indexSettings(type).searchableAttributes).toEqual([...CATALOG_SEARCH_ATTRIBUTES[type]]);
    }
    const live = await getMeili().index(indexUid("results")).getSettings();
    expect(live.searchableAttributes).toEqual([...CATALOG_SEARCH_ATTRIBUTES.results]);
  });

  it.each(["电池", "battery coating", "PC/ABS 阻燃", "锂电池 检测"])("%s: same hits, order, total and highlights as with attributesToSearchOn", async (q) => {
    const request = catalogSearchRequest({ q, type: "results", viewer: null, limit: 20 });
    if ("invalidFilter" in request) throw new Error("no filter given");
    const withFields = {
      ...request.params,
      queries: request.params.queries.map((query) => ({ ...query, attributesToSearchOn: [...CATALOG_SEARCH_ATTRIBUTES.results] })),
    };
    const send = async (params: typeof request.params) => {
      const a = (await getMeili().multiSearch(params as FederatedMultiSearchParams)) as unknown as {
        hits?: Record<string, unknown>[];
        estimatedTotalHits?: number;
        results?: { hits: Record<string, unknown>[]; estimatedTotalHits?: number }[];
      };
      const one = a.results ? a.results[0]! : a;
      return { hits: (one.hits ?? []).map((h) => [h.id, JSON.stringify(h._formatted)]), total: one.estimatedTotalHits };
    };
    const now = await send(request.params);
    expect(now.hits.length).toBeGreaterThan(0);
    expect(now).toEqual(await send(withFields as typeof request.params));
  });
});
