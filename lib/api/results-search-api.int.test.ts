// REST API v1, results and search: route handlers against the real database and Meilisearch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as needsRoute from "@/app/api/v1/needs/route";
import * as resultsRoute from "@/app/api/v1/results/route";
import * as resultRoute from "@/app/api/v1/results/[id]/route";
import * as matchesRoute from "@/app/api/v1/needs/[id]/matches/route";
import * as searchRoute from "@/app/api/v1/search/route";
import { prisma } from "@/lib/db";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { matchListSchema, needViewSchema, resultPageSchema, resultViewSchema, searchPageSchema } from "./response-schemas";
import { apiRequest, createApiUser, needBody, noParams, readJson, resultBody, routeParams, type ApiErrorJson, type ApiUser } from "@/tests/kits/api-test-kit";

let researcher: ApiUser;
let otherResearcher: ApiUser;
let company: ApiUser;
let broker: ApiUser;

const postResult = (user: ApiUser | null, body: unknown, extra: Parameters<typeof apiRequest>[1] = {}) =>
  resultsRoute.POST(apiRequest("/results", { token: user?.token, body, ...extra }), noParams);
const getResult = (user: ApiUser | null, id: string) => resultRoute.GET(apiRequest(`/results/${id}`, { token: user?.token }), routeParams({ id }));
const matches = (user: ApiUser | null, id: string, query = "") =>
  matchesRoute.GET(apiRequest(`/needs/${id}/matches${query}`, { token: user?.token }), routeParams({ id }));
const search = (user: ApiUser | null, query: string, extra: Parameters<typeof apiRequest>[1] = {}) =>
  searchRoute.GET(apiRequest(`/search${query}`, { token: user?.token, ...extra }), noParams);

beforeAll(async () => {
  researcher = await createApiUser("RESEARCHER");
  otherResearcher = await createApiUser("RESEARCHER");
  company = await createApiUser("COMPANY");
  broker = await createApiUser("BROKER");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("results", () => {
  it("answers 401 without a token", async () => {
    expect((await resultsRoute.GET(apiRequest("/results"), noParams)).status).toBe(401);
    expect((await postResult(null, resultBody())).status).toBe(401);
    expect((await getResult(null, "x")).status).toBe(401);
  });

  it("lets a researcher publish a result and anyone signed in read it", async () => {
    const res = await postResult(researcher, resultBody({ externalId: "LAB-2026-001" }));
    expect(res.status).toBe(201);
    const created = resultViewSchema.parse(await res.json());
    expect(res.headers.get("location")).toBe(`/api/v1/results/${created.id}`);
    expect(created).toMatchObject({ status: "PUBLISHED", trl: 5, isOwner: true, organisation: { id: researcher.organisationId } });

    const asCompany = resultViewSchema.parse(await (await getResult(company, created.id)).json());
    expect(asCompany).toMatchObject({ id: created.id, isOwner: false });

    const page = resultPageSchema.parse(await (await resultsRoute.GET(apiRequest("/results?pageSize=100", { token: company.token }), noParams)).json());
    expect(page.items.map((r) => r.id)).toContain(created.id);
  });

  it("answers a duplicate externalId within the organisation with 409 naming it", async () => {
    expect((await postResult(researcher, resultBody({ externalId: "LAB-DUP" }))).status).toBe(201);
    const before = await prisma.result.count();
    const dup = await postResult(researcher, resultBody({ externalId: "LAB-DUP" }));
    expect(dup.status).toBe(409);
    const { error } = await readJson<ApiErrorJson>(dup);
    expect(error.code).toBe("CONFLICT");
    expect(error.fields).toEqual({ externalId: ["This value is already in use"] });
    expect(await prisma.result.count()).toBe(before);
    // Another organisation may use the same reference.
    expect((await postResult(otherResearcher, resultBody({ externalId: "LAB-DUP" }))).status).toBe(201);
  });

  it("only lets researchers and brokers publish results (403 for a company)", async () => {
    expect((await postResult(company, resultBody())).status).toBe(403);
  });

  it("validates the body like the needs endpoint", async () => {
    const unknown = await postResult(researcher, resultBody({ status: "DRAFT" }));
    expect(unknown.status).toBe(422);
    expect((await readJson<ApiErrorJson>(unknown)).error.fields).toEqual({ status: ["Unknown field"] });
    expect((await postResult(researcher, "{")).status).toBe(400);
    expect((await postResult(researcher, JSON.stringify(resultBody()), { headers: { "content-type": "text/plain" } })).status).toBe(415);
    const types = await postResult(researcher, resultBody({ trl: 12, summary: 5 }));
    expect(Object.keys((await readJson<ApiErrorJson>(types)).error.fields ?? {}).sort()).toEqual(["summary", "trl"]);
  });

  it("hides another organisation's unpublished result (404)", async () => {
    const draft = await prisma.result.create({
      data: {
        ...(resultBody() as { title: string; summary: string; field: string }),
        status: "DRAFT",
        organisationId: researcher.organisationId,
        createdById: researcher.actor.id,
      },
    });
    expect((await getResult(otherResearcher, draft.id)).status).toBe(404);
    expect((await getResult(company, draft.id)).status).toBe(404);
    expect((await getResult(researcher, draft.id)).status).toBe(200);
    expect((await getResult(broker, draft.id)).status).toBe(200);
  });
});

describe("GET /search", () => {
  const secret = "保密参数：掺杂比例 7.3%";
  let publicNeedId: string;
  let confidentialNeedId: string;
  let resultId: string;
  let brokerOnlyNeedId: string;

  beforeAll(async () => {
    const post = async (overrides: Record<string, unknown>) => {
      const res = await needsRoute.POST(apiRequest("/needs", { token: company.token, body: needBody(overrides) }), noParams);
      expect(res.status).toBe(201);
      return needViewSchema.parse(await res.json()).id;
    };
    publicNeedId = await post({ title: "钙钛矿太阳能电池封装技术需求", description: "寻求钙钛矿组件的封装方案，要求湿热老化 1000 小时后效率保持 90% 以上。" });
    confidentialNeedId = await post({
      title: "钙钛矿薄膜掺杂工艺合作",
      visibility: "CONFIDENTIAL",
      teaser: "寻求钙钛矿薄膜掺杂方面的合作伙伴",
      description: `钙钛矿薄膜的掺杂改性需求。${secret}`,
    });
    brokerOnlyNeedId = await post({ title: "钙钛矿电池回收工艺需求", visibility: "BROKER_ONLY" });
    const res = await postResult(
      researcher,
      resultBody({ title: "钙钛矿叠层电池界面钝化技术", summary: "一种钙钛矿/晶硅叠层电池的界面钝化方法，认证效率超过 30%，适合中试放大。" }),
    );
    resultId = resultViewSchema.parse(await res.json()).id;
    // The worker would do this from the jobs the writes enqueued.
    await syncNeed(prisma, publicNeedId);
    await syncNeed(prisma, confidentialNeedId);
    await syncResult(prisma, resultId);
  });

  it("answers 401 without a token", async () => {
    expect((await search(null, "?q=钙钛矿&type=needs")).status).toBe(401);
  });

  it("finds needs and results the caller may see", async () => {
    const needs = await search(researcher, `?q=${encodeURIComponent("钙钛矿")}&type=needs`);
    expect(needs.status).toBe(200);
    const page = searchPageSchema.parse(await needs.json());
    expect(page.items.map((h) => h.id)).toEqual(expect.arrayContaining([publicNeedId, confidentialNeedId]));
    expect(page).toMatchObject({ page: 1, limit: 20 });
    expect(page.items.every((h) => h.kind === "need")).toBe(true);

    const results = searchPageSchema.parse(await (await search(company, `?q=${encodeURIComponent("钙钛矿")}&type=results&limit=5`)).json());
    expect(results.items.map((h) => h.id)).toContain(resultId);
    expect(results.limit).toBe(5);
  });

  it("never returns a confidential need's description to a researcher", async () => {
    const res = await search(researcher, `?q=${encodeURIComponent("钙钛矿 掺杂")}&type=needs`);
    const raw = await res.text();
    expect(raw).not.toContain(secret);
    const hit = searchPageSchema.parse(JSON.parse(raw)).items.find((h) => h.id === confidentialNeedId);
    expect(hit).toMatchObject({ teaser: "寻求钙钛矿薄膜掺杂方面的合作伙伴", organisationName: null });
  });

  it("validates the query parameters (422 naming them)", async () => {
    for (const [query, field] of [
      ["?q=x", "type"],
      ["?q=x&type=people", "type"],
      [`?q=${"长".repeat(201)}&type=needs`, "q"],
      ["?q=x&type=needs&limit=0", "limit"],
      ["?q=x&type=needs&limit=51", "limit"],
      ["?q=x&type=needs&page=1.5", "page"],
      ["?q=x&type=needs&trlMin=10", "trlMin"],
      ["?q=x&type=needs&collaborationModes=LICENCE,BARTER", "collaborationModes.1"],
      ["?q=x&type=needs&query=y", "query"],
    ] as const) {
      const res = await search(researcher, query);
      expect(res.status, query).toBe(422);
      expect(Object.keys((await readJson<ApiErrorJson>(res)).error.fields ?? {}), query).toContain(field);
    }
  });

  it("applies filters", async () => {
    const none = searchPageSchema.parse(await (await search(researcher, `?q=${encodeURIComponent("钙钛矿")}&type=needs&lang=en`)).json());
    expect(none.items).toEqual([]);
    const some = searchPageSchema.parse(
      await (await search(researcher, `?q=${encodeURIComponent("钙钛矿")}&type=needs&collaborationModes=CO_DEVELOPMENT,LICENCE&trlMin=6&trlMax=6`)).json(),
    );
    expect(some.items.map((h) => h.id)).toContain(publicNeedId);
  });

  it("answers 503 with a clear message while Meilisearch is unreachable", async () => {
    const url = process.env.MEILI_URL;
    process.env.MEILI_URL = "http://127.0.0.1:9"; // discard port: connection refused
    try {
      const en = await search(researcher, "?q=x&type=needs");
      expect(en.status).toBe(503);
      expect(await readJson<ApiErrorJson>(en)).toEqual({ error: { code: "UNAVAILABLE", message: "Search is temporarily unavailable" } });
      expect(en.headers.get("retry-after")).toBe("30");
      const zh = await search(researcher, "?q=x&type=needs", { lang: "zh" });
      expect((await readJson<ApiErrorJson>(zh)).error.message).toBe("搜索暂时不可用，请稍后再试");
    } finally {
      process.env.MEILI_URL = url;
    }
    expect((await search(researcher, "?q=x&type=needs")).status).toBe(200);
  });

  describe("GET /needs/{id}/matches", () => {
    it("answers 401 without a token", async () => {
      expect((await matches(null, publicNeedId)).status).toBe(401);
    });

    it("ranks research results for a need the caller may read in full", async () => {
      for (const user of [company, researcher, broker]) {
        const res = await matches(user, publicNeedId, "?limit=5");
        expect(res.status, user.actor.role).toBe(200);
        const list = matchListSchema.parse(await res.json());
        expect(list.needId).toBe(publicNeedId);
        expect(list.items.length).toBeLessThanOrEqual(5);
        expect(list.items[0]).toMatchObject({ id: resultId, kind: "result" });
      }
    });

    it("answers 404 when the caller may only see a teaser of the need, or not see it at all", async () => {
      expect((await matches(researcher, confidentialNeedId)).status).toBe(404);
      expect((await matches(researcher, brokerOnlyNeedId)).status).toBe(404);
      expect((await matches(researcher, "no-such-need")).status).toBe(404);
      expect((await matches(company, confidentialNeedId)).status).toBe(200);
      // A broker reads a BROKER_ONLY need only when acting for its owner (here: assigned to it).
      expect((await matches(broker, brokerOnlyNeedId)).status).toBe(404);
      await prisma.need.update({ where: { id: brokerOnlyNeedId }, data: { brokerId: broker.actor.id } });
      expect((await matches(broker, brokerOnlyNeedId)).status).toBe(200);
    });

    it("validates the limit (422)", async () => {
      for (const query of ["?limit=0", "?limit=51", "?limit=x", "?top=3"]) {
        expect((await matches(company, publicNeedId, query)).status, query).toBe(422);
      }
    });

    it("answers 503 while Meilisearch is unreachable, unless the need's stored matches can answer", async () => {
      expect((await matches(company, publicNeedId)).status).toBe(200); // its match snapshot exists
      const url = process.env.MEILI_URL;
      process.env.MEILI_URL = "http://127.0.0.1:9";
      try {
        // Up to 30 come from the snapshot, computed while Meilisearch was up.
        expect((await matches(company, publicNeedId)).status).toBe(200);
        // More than the snapshot holds are matched live: unavailable.
        const res = await matches(company, publicNeedId, "?limit=40");
        expect(res.status).toBe(503);
        expect((await readJson<ApiErrorJson>(res)).error).toEqual({ code: "UNAVAILABLE", message: "Matching is temporarily unavailable" });
      } finally {
        process.env.MEILI_URL = url;
      }
    });
  });
});
