// Issue 11: X-Forwarded-For was believed as sent, so a client could write any address into the
// audit log and dodge per-IP limits by rotating it. Through the real REST route (withApi, the
// access-request service, the rate limiter, the audit log): the recorded address and the limit
// follow the socket peer, or what trusted proxies say, never the client's own header.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as accessRequestsRoute from "@/app/api/v1/needs/[id]/access-requests/route";
import { apiRequest, createApiUser, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { getCurrentNda } from "@/lib/access/get-nda";
import { prisma } from "@/lib/db";
import { createNeed } from "@/lib/needs/create-need";
import { LIMITS } from "@/lib/security/rate-limit";
import { clientIpFrom, PEER_ADDRESS_HEADER } from "./client-ip";

const MULTIPLIER = 0.1; // read when a limiter is first made
const IP_LIMIT = Math.max(1, Math.round(LIMITS.accessRequest.ip.points * MULTIPLIER));

let needId: string;
let ndaVersion: number;
const saved = { ...process.env };

const ask = (user: ApiUser, peer: string, forwardedFor?: string) =>
  accessRequestsRoute.POST(
    apiRequest(`/needs/${needId}/access-requests`, {
      token: user.token,
      body: { ndaVersion, acceptNda: true },
      ip: peer,
      headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    }),
    routeParams({ id: needId }),
  );
const recordedIp = async (user: ApiUser) =>
  (await prisma.auditLog.findFirstOrThrow({ where: { action: "access.request", actorId: user.actor.id }, select: { ip: true } })).ip;
const researchers = (n: number) => Promise.all(Array.from({ length: n }, () => createApiUser("RESEARCHER")));
const forged = () => `${1 + (randomBytes(1)[0]! % 220)}.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

beforeAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = String(MULTIPLIER);
  process.env.RATE_LIMIT_PREFIX = `tb:rl:test:${randomBytes(4).toString("hex")}`;
  const owner = await createApiUser("COMPANY");
  ({ id: needId } = await createNeed(owner.actor, {
    title: "转发地址测试的保密需求",
    description: "一项用于验证客户端地址来源的保密需求，需要签署保密协议后查看细节。",
    field: "新能源",
    keywords: [],
    visibility: "CONFIDENTIAL",
    teaser: "保密的电池材料需求",
    teaserFields: [],
    collaborationModes: [],
  } as never));
  ndaVersion = (await getCurrentNda(owner.actor, needId)).version;
});

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  delete process.env.TRUSTED_PROXIES;
});

afterAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = saved.RATE_LIMIT_MULTIPLIER;
  process.env.RATE_LIMIT_PREFIX = saved.RATE_LIMIT_PREFIX;
  await prisma.$disconnect();
});

describe("with no trusted proxy (the default)", () => {
  it("records the socket address, not a forged X-Forwarded-For or X-Real-IP", async () => {
    const [user] = await researchers(1);
    const res = await accessRequestsRoute.POST(
      apiRequest(`/needs/${needId}/access-requests`, {
        token: user!.token,
        body: { ndaVersion, acceptNda: true },
        ip: "198.51.100.30",
        headers: { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67" },
      }),
      routeParams({ id: needId }),
    );
    expect(res.status).toBe(201);
    expect(await recordedIp(user!)).toBe("198.51.100.30");
  });

  it("counts the per-IP limit on the socket address however X-Forwarded-For rotates", async () => {
    const users = await researchers(IP_LIMIT + 1);
    for (const u of users.slice(0, -1)) expect((await ask(u, "198.51.100.31", forged())).status).toBe(201);
    const last = await ask(users.at(-1)!, "198.51.100.31", forged());
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("behind one trusted proxy (TRUSTED_PROXY_HOPS=1)", () => {
  it("records the address the proxy saw and ignores what the client put in front of it", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    const [user] = await researchers(1);
    expect((await ask(user!, "10.0.0.2", "203.0.113.66, 192.0.2.40")).status).toBe(201);
    expect(await recordedIp(user!)).toBe("192.0.2.40");
  });

  it("limits the real client, not the proxy, and rotating the forged part does not reset it", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    const users = await researchers(IP_LIMIT + 2);
    for (const u of users.slice(0, IP_LIMIT)) expect((await ask(u, "10.0.0.2", `${forged()}, ${forged()}, 192.0.2.41`)).status).toBe(201);
    expect((await ask(users[IP_LIMIT]!, "10.0.0.2", `${forged()}, 192.0.2.41`)).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await ask(users[IP_LIMIT + 1]!, "10.0.0.2", "192.0.2.42")).status).toBe(201);
  });
});

describe("with TRUSTED_PROXIES", () => {
  it("believes X-Forwarded-For only from a listed proxy", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    const [viaProxy, direct] = await researchers(2);
    expect((await ask(viaProxy!, "10.1.2.3", "203.0.113.66, 192.0.2.50")).status).toBe(201);
    expect(await recordedIp(viaProxy!)).toBe("192.0.2.50");
    // Straight to the app, bypassing the proxy: the header is the client's own and is ignored.
    expect((await ask(direct!, "198.51.100.51", "192.0.2.50")).status).toBe(201);
    expect(await recordedIp(direct!)).toBe("198.51.100.51");
  });
});

describe("clientIpFrom", () => {
  it("reads the address only from the stamped header, never X-Real-IP or X-Forwarded-For alone", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.8" }))).toBeNull();
    expect(clientIpFrom(new Headers({ [PEER_ADDRESS_HEADER]: "::ffff:198.51.100.7", "x-forwarded-for": "203.0.113.9" }))).toBe("198.51.100.7");
  });
});
