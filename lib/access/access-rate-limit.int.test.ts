// Access requests and access-thread messages are rate limited per account and per client IP
// (lib/security/rate-limit "accessRequest" / "message"), through the REST API (429 + Retry-After)
// and the services the server actions call (AppError RATE_LIMITED, shown as a localized message).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accessRequestsRoute from "@/app/api/v1/needs/[id]/access-requests/route";
import * as messagesRoute from "@/app/api/v1/access-requests/[id]/messages/route";
import { apiRequest, createApiUser, readJson, routeParams, type ApiErrorJson, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createNeed } from "@/lib/needs/create-need";
import { LIMITS } from "@/lib/security/rate-limit";
import { postAccessMessage } from "./access-thread";
import { decideAccess } from "./decide-access";
import { getCurrentNda } from "./get-nda";
import { requestAccess } from "./request-access";

// A tenth of the production limits (the multiplier is read when a limiter is first made).
const MULTIPLIER = 0.1;
const limit = (action: "accessRequest" | "message", scope: "ip" | "account") => Math.max(1, Math.round(LIMITS[action][scope].points * MULTIPLIER));

let owner: ApiUser;
let needId: string;
let ndaVersion: number;
const saved = { multiplier: process.env.RATE_LIMIT_MULTIPLIER, prefix: process.env.RATE_LIMIT_PREFIX };

const postRequest = (user: ApiUser, ip: string) =>
  accessRequestsRoute.POST(
    apiRequest(`/needs/${needId}/access-requests`, { token: user.token, body: { ndaVersion, acceptNda: true }, ip }),
    routeParams({ id: needId }),
  );
const postMessage = (user: ApiUser, requestId: string, ip: string, body = "请问样品测试的条件是什么？") =>
  messagesRoute.POST(apiRequest(`/access-requests/${requestId}/messages`, { token: user.token, body: { body }, ip }), routeParams({ id: requestId }));

beforeAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = String(MULTIPLIER);
  process.env.RATE_LIMIT_PREFIX = `tb:rl:test:${Date.now().toString(36)}`;
  owner = await createApiUser("COMPANY");
  ({ id: needId } = await createNeed(owner.actor, {
    title: "限流测试的保密需求",
    description: "一项用于验证访问申请与消息限流的保密需求，需要签署保密协议后查看细节。",
    field: "新能源",
    keywords: [],
    visibility: "CONFIDENTIAL",
    teaser: "保密的电池材料需求",
    teaserFields: [],
    collaborationModes: [],
  } as never));
  ndaVersion = (await getCurrentNda(owner.actor, needId)).version;
});

afterAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = saved.multiplier;
  process.env.RATE_LIMIT_PREFIX = saved.prefix;
  await prisma.$disconnect();
});

describe("access request rate limit", () => {
  it("answers 429 with Retry-After once an account has used its access-request budget", async () => {
    const researcher = await createApiUser("RESEARCHER");
    const statuses: number[] = [];
    for (let i = 0; i < limit("accessRequest", "account"); i++) statuses.push((await postRequest(researcher, `203.0.113.${10 + i}`)).status);
    // The first asks, the repeats are refused as duplicates: all of them count.
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1).every((s) => s === 409)).toBe(true);

    const refused = await postRequest(researcher, "203.0.113.99");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await readJson<ApiErrorJson>(refused)).error.code).toBe("RATE_LIMITED");
  });

  it("limits one client IP across accounts, and the service refuses with RATE_LIMITED before writing", async () => {
    const ip = "198.51.100.200";
    const users = await Promise.all(Array.from({ length: limit("accessRequest", "ip") + 1 }, () => createApiUser("RESEARCHER")));
    for (const u of users.slice(0, -1)) expect((await postRequest(u, ip)).status).toBe(201);
    const last = users.at(-1)!;
    const error = await requestAccess(last.actor, needId, { ndaVersion, acceptNda: true }, { ip }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code === "RATE_LIMITED" && (error.retryAfterSeconds ?? 0) > 0).toBe(true);
    expect(await prisma.accessRequest.count({ where: { requesterId: last.actor.id } })).toBe(0);
  });
});

describe("access thread message rate limit", () => {
  it("answers 429 after an account's message budget, through the API and the service", async () => {
    const researcher = await createApiUser("RESEARCHER");
    const created = await postRequest(researcher, "192.0.2.1");
    expect(created.status).toBe(201);
    const { id: requestId } = await readJson<{ id: string }>(created);
    // The thread is as confidential as the need: it opens once the owner grants access.
    await decideAccess(owner.actor, requestId, { decision: "APPROVE", reasonCode: "QUALIFIED" }, { ip: "192.0.2.2" });

    for (let i = 0; i < limit("message", "account"); i++) expect((await postMessage(researcher, requestId, `192.0.2.${20 + i}`)).status).toBe(201);
    const refused = await postMessage(researcher, requestId, "192.0.2.99");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect((await readJson<ApiErrorJson>(refused)).error.code).toBe("RATE_LIMITED");

    const before = await prisma.message.count({ where: { accessRequestId: requestId } });
    const error = await postAccessMessage(researcher.actor, requestId, { body: "再发一条" }, { ip: "192.0.2.100" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code === "RATE_LIMITED").toBe(true);
    expect(await prisma.message.count({ where: { accessRequestId: requestId } })).toBe(before);
  });
});
