// REST API v1, needs: the route handlers called as Next calls them, against the real database.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as needsRoute from "@/app/api/v1/needs/route";
import * as needRoute from "@/app/api/v1/needs/[id]/route";
import { prisma } from "@/lib/db";
import { MAX_JSON_BYTES } from "./read-json";
import { needPageSchema, needViewSchema } from "./response-schemas";
import { apiRequest, createApiUser, needBody, noParams, readJson, routeParams, type ApiErrorJson, type ApiUser } from "@/tests/kits/api-test-kit";

let company: ApiUser; // owns the needs below
let colleague: ApiUser; // another company account in the same organisation
let rival: ApiUser; // a company in another organisation
let researcher: ApiUser;
let broker: ApiUser;

const postNeed = (user: ApiUser | null, body: unknown, extra: Parameters<typeof apiRequest>[1] = {}) =>
  needsRoute.POST(apiRequest("/needs", { token: user?.token, body, ...extra }), noParams);
const getNeed = (user: ApiUser | null, id: string, extra: Parameters<typeof apiRequest>[1] = {}) =>
  needRoute.GET(apiRequest(`/needs/${id}`, { token: user?.token, ...extra }), routeParams({ id }));
const patchNeed = (user: ApiUser | null, id: string, body: unknown, extra: Parameters<typeof apiRequest>[1] = {}) =>
  needRoute.PATCH(apiRequest(`/needs/${id}`, { token: user?.token, method: "PATCH", body, ...extra }), routeParams({ id }));
const listNeeds = (user: ApiUser | null, query = "") => needsRoute.GET(apiRequest(`/needs${query}`, { token: user?.token }), noParams);

async function createNeedAs(user: ApiUser, overrides: Record<string, unknown> = {}) {
  const res = await postNeed(user, needBody(overrides));
  expect(res.status).toBe(201);
  return needViewSchema.parse(await res.json());
}

const needCount = () => prisma.need.count();

beforeAll(async () => {
  company = await createApiUser("COMPANY");
  colleague = await createApiUser("COMPANY", { orgName: (await prisma.organisation.findUniqueOrThrow({ where: { id: company.organisationId } })).name });
  rival = await createApiUser("COMPANY");
  researcher = await createApiUser("RESEARCHER");
  broker = await createApiUser("BROKER");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("authentication", () => {
  it("answers 401 with the error envelope when no token is sent", async () => {
    const id = "does-not-matter";
    for (const res of [
      await listNeeds(null),
      await postNeed(null, needBody()),
      await getNeed(null, id),
      await patchNeed(null, id, { title: "新的标题内容" }),
    ]) {
      expect(res.status).toBe(401);
      const body = await readJson<ApiErrorJson>(res);
      expect(body.error.code).toBe("UNAUTHENTICATED");
      expect(body.error.message).toMatch(/Bearer/);
    }
  });

  it("answers 401 to a malformed, unknown or revoked token, before looking at the body", async () => {
    const bad = [
      { authorization: "Bearer tb_pat_not-a-real-token" },
      { authorization: "Bearer something-else" },
      { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
      { authorization: "" },
    ];
    for (const headers of bad) {
      const res = await needsRoute.POST(apiRequest("/needs", { body: "{not json", headers }), noParams);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect((await readJson<ApiErrorJson>(res)).error.code).toBe("UNAUTHENTICATED");
    }
    const revoked = await createApiUser("COMPANY");
    expect((await listNeeds(revoked)).status).toBe(200);
    await prisma.apiToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: new Date() } });
    const res = await listNeeds(revoked);
    expect(res.status).toBe(401);
    expect((await readJson<ApiErrorJson>(res)).error.message).toBe("Invalid or revoked token");
  });

  it("words errors in the request's language: Chinese for Accept-Language zh and without the header", async () => {
    for (const lang of ["zh", "none"] as const) {
      const res = await needsRoute.GET(apiRequest("/needs", { lang }), noParams);
      expect(res.status).toBe(401);
      expect((await readJson<ApiErrorJson>(res)).error.message).toMatch(/访问令牌/);
    }
    const en = await needsRoute.GET(apiRequest("/needs", { lang: "en" }), noParams);
    expect((await readJson<ApiErrorJson>(en)).error).toEqual({ code: "UNAUTHENTICATED", message: expect.stringMatching(/^Send a personal access token/) });
  });

  it("answers 429 with Retry-After once a user's per-minute budget is spent, without touching other users", async () => {
    const busy = await createApiUser("COMPANY");
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    try {
      for (let i = 0; i < 3; i++) expect((await listNeeds(busy)).status).toBe(200);
      const limited = await listNeeds(busy);
      expect(limited.status).toBe(429);
      expect((await readJson<ApiErrorJson>(limited)).error.code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await listNeeds(company)).status).toBe(200);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });

  it("marks responses as private and not cacheable", async () => {
    const res = await listNeeds(company);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("POST /needs and GET /needs/{id}", () => {
  it("creates a need and returns it as the caller sees it, with its location", async () => {
    const res = await postNeed(company, needBody({ visibility: "PUBLIC" }));
    expect(res.status).toBe(201);
    const created = needViewSchema.parse(await res.json());
    expect(res.headers.get("location")).toBe(`/api/v1/needs/${created.id}`);
    expect(created).toMatchObject({
      access: "full",
      title: "高能量密度固态电池电解质",
      visibility: "PUBLIC",
      status: "PUBLISHED",
      budgetMinCny: 500_000,
      isOwner: true,
      version: 1,
      lang: "zh",
      organisation: { id: company.organisationId },
    });

    const read = await getNeed(company, created.id);
    expect(read.status).toBe(200);
    expect(needViewSchema.parse(await read.json())).toEqual(created);

    // The index job is enqueued in the same transaction (batched: the id joins its shard's pending job).
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'index-needs' AND j.payload::jsonb ? ${created.id}`;
    expect(jobs[0]!.n).toBe(1);
  });

  it("lists needs a page at a time", async () => {
    await createNeedAs(company);
    await createNeedAs(company);
    const res = await listNeeds(company, "?page=1&pageSize=2");
    expect(res.status).toBe(200);
    const page = needPageSchema.parse(await res.json());
    expect(page.items).toHaveLength(2);
    expect(page).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.total).toBeGreaterThanOrEqual(3);
    const second = needPageSchema.parse(await (await listNeeds(company, "?page=2&pageSize=2")).json());
    expect(second.items.map((n) => n.id)).not.toContain(page.items[0]!.id);
  });

  it("rejects bad paging parameters and unknown ones with 422 naming them", async () => {
    for (const [query, field] of [
      ["?pageSize=0", "pageSize"],
      ["?pageSize=500", "pageSize"],
      ["?page=abc", "page"],
      ["?page=1&page=2", "page"],
      ["?pagesize=10", "pagesize"],
    ] as const) {
      const res = await listNeeds(company, query);
      expect(res.status, query).toBe(422);
      expect(Object.keys((await readJson<ApiErrorJson>(res)).error.fields ?? {}), query).toContain(field);
    }
  });

  it("only lets company accounts post needs (403 for a researcher)", async () => {
    const before = await needCount();
    const res = await postNeed(researcher, needBody());
    expect(res.status).toBe(403);
    expect((await readJson<ApiErrorJson>(res)).error.code).toBe("FORBIDDEN");
    expect(await needCount()).toBe(before);
  });
});

describe("request bodies", () => {
  it("rejects an unknown field with 422 naming it, and writes nothing", async () => {
    const before = await needCount();
    const res = await postNeed(company, needBody({ organisationId: rival.organisationId, hacked: true }));
    expect(res.status).toBe(422);
    const { error } = await readJson<ApiErrorJson>(res);
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.organisationId).toEqual(["Unknown field"]);
    expect(error.fields?.hacked).toEqual(["Unknown field"]);
    expect(await needCount()).toBe(before);
  });

  it("answers malformed JSON with 400", async () => {
    const res = await postNeed(company, '{"title": "unterminated');
    expect(res.status).toBe(400);
    expect((await readJson<ApiErrorJson>(res)).error.code).toBe("BAD_REQUEST");
    expect((await postNeed(company, "")).status).toBe(400);
  });

  it("answers a body over 256 KiB with 413, declared or not", async () => {
    const huge = JSON.stringify(needBody({ description: "长".repeat(MAX_JSON_BYTES) }));
    const undeclared = await postNeed(company, huge);
    expect(undeclared.status).toBe(413);
    expect((await readJson<ApiErrorJson>(undeclared)).error.code).toBe("PAYLOAD_TOO_LARGE");
    const declared = await postNeed(company, "{}", { headers: { "content-length": String(MAX_JSON_BYTES + 1) } });
    expect(declared.status).toBe(413);
  });

  it("answers a body that is not application/json with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await postNeed(company, JSON.stringify(needBody()), { headers: { "content-type": type } });
      expect(res.status, type).toBe(415);
      expect((await readJson<ApiErrorJson>(res)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    const noType = await needsRoute.POST(
      new Request("http://localhost/api/v1/needs", { method: "POST", headers: { authorization: `Bearer ${company.token}` } }),
      noParams,
    );
    expect(noType.status).toBe(415);
    // application/json with a charset, and +json types, are fine.
    const ok = await postNeed(company, JSON.stringify(needBody()), { headers: { "content-type": "application/json; charset=utf-8" } });
    expect(ok.status).toBe(201);
  });

  it("names the budget minimum when it exceeds the maximum (422), in the caller's language", async () => {
    const en = await postNeed(company, needBody({ budgetMinCny: 3_000_000, budgetMaxCny: 1_000_000 }));
    expect(en.status).toBe(422);
    expect((await readJson<ApiErrorJson>(en)).error.fields).toEqual({ budgetMinCny: ["Budget minimum must not exceed the maximum"] });
    const zh = await postNeed(company, needBody({ budgetMinCny: 3_000_000, budgetMaxCny: 1_000_000 }), { lang: "zh" });
    const zhBody = await readJson<ApiErrorJson>(zh);
    expect(zhBody.error.message).toBe("部分字段有误。");
    expect(zhBody.error.fields?.budgetMinCny).toEqual(["预算下限不能高于上限"]);
  });

  it("answers wrong types with 422 and a message per field", async () => {
    const res = await postNeed(company, needBody({ title: 42, trlTarget: "high", keywords: [1], collaborationModes: ["BARTER"], visibility: "SECRET" }));
    expect(res.status).toBe(422);
    const { fields } = (await readJson<ApiErrorJson>(res)).error;
    expect(Object.keys(fields ?? {}).sort()).toEqual(["collaborationModes.0", "keywords.0", "title", "trlTarget", "visibility"]);
    for (const messages of Object.values(fields ?? {})) expect(messages[0]).toBeTruthy();
  });

  it("answers a budget too large to store with 422, never 500", async () => {
    const before = await needCount();
    const res = await postNeed(company, needBody({ budgetMinCny: 3_000_000_000, budgetMaxCny: 5_000_000_000 }));
    expect(res.status).toBe(422);
    expect((await readJson<ApiErrorJson>(res)).error.code).toBe("VALIDATION");
    expect(await needCount()).toBe(before);
  });

  it("answers a body that is not an object with 422", async () => {
    for (const body of ["[]", "null", '"text"', "42"]) {
      const res = await postNeed(company, body);
      expect(res.status, body).toBe(422);
    }
  });

  it("requires a teaser for a confidential need", async () => {
    const res = await postNeed(company, needBody({ visibility: "CONFIDENTIAL" }));
    expect(res.status).toBe(422);
    expect(Object.keys((await readJson<ApiErrorJson>(res)).error.fields ?? {})).toEqual(["teaser"]);
  });

  it("answers an unknown chain node with 422 naming chainNodeId, and writes nothing", async () => {
    const before = await needCount();
    const res = await postNeed(company, needBody({ chainNodeId: "no-such-node" }));
    expect(res.status).toBe(422);
    expect(Object.keys((await readJson<ApiErrorJson>(res)).error.fields ?? {})).toEqual(["chainNodeId"]);
    expect(await needCount()).toBe(before);
  });
});

describe("visibility", () => {
  it("hides another organisation's BROKER_ONLY need entirely (404, not listed), but not from its broker", async () => {
    const need = await createNeedAs(company, { visibility: "BROKER_ONLY", title: "仅经纪人可见的需求" });
    for (const user of [researcher, rival]) {
      const res = await getNeed(user, need.id);
      expect(res.status).toBe(404);
      expect((await readJson<ApiErrorJson>(res)).error).toEqual({ code: "NOT_FOUND", message: "Not found, or not visible to you." });
      const all = needPageSchema.parse(await (await listNeeds(user, "?pageSize=100")).json());
      expect(all.items.map((n) => n.id)).not.toContain(need.id);
    }
    // Issue 11: a broker not acting for the owner does not know it either; the assigned one reads it.
    expect((await getNeed(broker, need.id)).status).toBe(404);
    await prisma.need.update({ where: { id: need.id }, data: { brokerId: broker.actor.id } });
    const asBroker = needViewSchema.parse(await (await getNeed(broker, need.id)).json());
    expect(asBroker.access).toBe("full");
    const asColleague = needViewSchema.parse(await (await getNeed(colleague, need.id)).json());
    expect(asColleague).toMatchObject({ access: "full", isOwner: true });
  });

  it("shows a researcher only the teaser of another organisation's CONFIDENTIAL need", async () => {
    const secret = "机密工艺参数：烧结温度 823 摄氏度，保温 6 小时";
    const need = await createNeedAs(company, {
      visibility: "CONFIDENTIAL",
      teaser: "寻求固态电解质烧结工艺合作",
      description: `具体需求如下。${secret}`,
      keywords: ["烧结秘方"],
    });
    const res = await getNeed(researcher, need.id);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain("烧结秘方");
    expect(raw).not.toContain(company.organisationId);
    const view = needViewSchema.parse(JSON.parse(raw));
    expect(view).toMatchObject({
      access: "teaser",
      teaser: "寻求固态电解质烧结工艺合作",
      description: null,
      keywords: [],
      collaborationModes: [],
      region: null,
      organisation: null,
      isOwner: false,
    });
    const listed = needPageSchema.parse(await (await listNeeds(researcher, "?pageSize=100")).json()).items.find((n) => n.id === need.id);
    expect(listed?.access).toBe("teaser");
    expect(JSON.stringify(listed)).not.toContain(secret);

    const owner = needViewSchema.parse(await (await getNeed(company, need.id)).json());
    expect(owner.description).toContain(secret);
  });

  it("hides who posted an ANONYMOUS need", async () => {
    const need = await createNeedAs(company, { visibility: "ANONYMOUS" });
    const view = needViewSchema.parse(await (await getNeed(researcher, need.id)).json());
    expect(view).toMatchObject({ access: "full", organisation: null });
  });

  it("answers an unknown id with 404", async () => {
    expect((await getNeed(company, "no-such-need")).status).toBe(404);
  });
});

describe("PATCH /needs/{id}", () => {
  it("lets the owning organisation change a need and bumps its version", async () => {
    const need = await createNeedAs(company);
    const res = await patchNeed(colleague, need.id, { title: "更新后的需求标题", trlTarget: 7 });
    expect(res.status).toBe(200);
    const updated = needViewSchema.parse(await res.json());
    expect(updated).toMatchObject({ id: need.id, title: "更新后的需求标题", trlTarget: 7, version: 2, description: need.description });
  });

  it("answers 404 to anyone outside the owning organisation, and changes nothing", async () => {
    const need = await createNeedAs(company, { visibility: "PUBLIC" });
    const hidden = await createNeedAs(company, { visibility: "BROKER_ONLY" });
    for (const user of [rival, researcher, broker]) {
      for (const target of [need, hidden]) {
        const res = await patchNeed(user, target.id, { title: "别人改的标题" });
        expect(res.status, `${user.actor.role} ${target.visibility}`).toBe(404);
      }
    }
    const rows = await prisma.need.findMany({ where: { id: { in: [need.id, hidden.id] } } });
    for (const row of rows) expect(row).toMatchObject({ version: 1, title: need.title });
  });

  it("checks the cross-field rules on the need as it would be after the change (422, nothing written)", async () => {
    const need = await createNeedAs(company, { budgetMinCny: 100_000, budgetMaxCny: 200_000 });
    const res = await patchNeed(company, need.id, { budgetMinCny: 300_000, title: "这次不应保存的标题" });
    expect(res.status).toBe(422);
    expect(Object.keys((await readJson<ApiErrorJson>(res)).error.fields ?? {})).toEqual(["budgetMinCny"]);
    const noTeaser = await patchNeed(company, need.id, { visibility: "CONFIDENTIAL" });
    expect(noTeaser.status).toBe(422);
    const row = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(row).toMatchObject({ version: 1, budgetMinCny: 100_000, title: need.title, visibility: "PUBLIC" });
  });

  it("rejects an empty patch, unknown fields and a body version field with 422", async () => {
    const need = await createNeedAs(company);
    const empty = await patchNeed(company, need.id, {});
    expect(empty.status).toBe(422);
    const unknown = await patchNeed(company, need.id, { status: "SOLVED", version: 5 });
    expect(unknown.status).toBe(422);
    expect((await readJson<ApiErrorJson>(unknown)).error.fields).toMatchObject({ status: ["Unknown field"], version: ["Unknown field"] });
  });

  it("answers 409 when the need changes while the update is being written, and keeps the other write", async () => {
    const need = await createNeedAs(company);
    // Another writer bumps the version and holds the row lock; the API update reads version 1,
    // waits for the lock, then finds version 2: its versioned UPDATE matches no row.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE "Need" SET version = version + 1, title = $2 WHERE id = $1`, [need.id, "另一位同事的修改"]);
      const pending = patchNeed(company, need.id, { title: "接口这次的修改" });
      await waitForLockWait(other, need.id);
      await other.query("COMMIT");
      const res = await pending;
      expect(res.status).toBe(409);
      const { error } = await readJson<ApiErrorJson>(res);
      expect(error.code).toBe("CONFLICT");
    } finally {
      await other.end();
    }
    const row = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(row).toMatchObject({ version: 2, title: "另一位同事的修改" });
    // A retry on the fresh version goes through.
    const retry = await patchNeed(company, need.id, { title: "接口这次的修改" });
    expect(retry.status).toBe(200);
    expect(needViewSchema.parse(await retry.json()).version).toBe(3);
  });
});

describe("PATCH /api/v1/needs/{id} with If-Match", () => {
  it("answers 409 to an edit based on a stale version, and accepts the current ETag", async () => {
    const need = await createNeedAs(company);
    const first = await patchNeed(company, need.id, { title: "第一次修改的标题" }, { headers: { "if-match": '"1"' } });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"2"');
    const stale = await patchNeed(company, need.id, { title: "基于旧版本的修改" }, { headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect((await readJson<ApiErrorJson>(stale)).error.code).toBe("CONFLICT");
    const malformed = await patchNeed(company, need.id, { title: "格式错误的版本" }, { headers: { "if-match": "yesterday" } });
    expect(malformed.status).toBe(400);
    const row = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(row).toMatchObject({ version: 2, title: "第一次修改的标题" });
  });
});

/** Waits until another session is blocked by `holder`'s locks (the API's versioned UPDATE). */
async function waitForLockWait(holder: pg.Client, needId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await holder.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))");
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`The API update of need ${needId} never waited for the row lock`);
}
