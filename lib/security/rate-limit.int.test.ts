// Rate limits against the real stores: Redis (127.0.0.1:6379, a key prefix per run) and the
// PostgreSQL fallback. Counters are shared state, so two "instances" (here: two fresh module
// loads) see the same counts.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function freshModule() {
  vi.resetModules();
  delete (globalThis as { tbRateLimitStore?: unknown }).tbRateLimitStore;
  delete (globalThis as { tbRateLimiters?: unknown }).tbRateLimiters;
  return import("./rate-limit");
}

async function attempt(consume: () => Promise<void>): Promise<AppError | null> {
  try {
    await consume();
    return null;
  } catch (e) {
    // Each fresh module load has its own AppError class: recognise it by name.
    if ((e as Error).name === "AppError") return e as AppError;
    throw e;
  }
}

afterEach(() => {
  delete process.env.REDIS_URL;
  delete process.env.RATE_LIMIT_PREFIX;
});

for (const store of ["redis", "postgres"] as const) {
  describe(`rate limits in ${store}`, () => {
    it("refuses the attempt after the per-account limit with 429 and Retry-After, across instances", async () => {
      if (store === "redis") process.env.REDIS_URL = REDIS_URL;
      process.env.RATE_LIMIT_PREFIX = `tbtest${randomBytes(4).toString("hex")}`;
      const instanceA = await freshModule();
      const instanceB = await freshModule();
      const { points } = instanceA.LIMITS.signIn.account;
      const account = `user-${Date.now()}@example.cn`;
      for (let i = 0; i < points; i++) {
        const m = i % 2 === 0 ? instanceA : instanceB;
        expect(await attempt(() => m.consumeRateLimit("signIn", { ip: `10.0.0.${i}`, account }))).toBeNull();
      }
      const refused = await attempt(() => instanceB.consumeRateLimit("signIn", { ip: "10.0.1.1", account: account.toUpperCase() }));
      expect(refused?.status).toBe(429);
      expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(instanceA.LIMITS.signIn.account.durationS);
      // Another account from a fresh IP is not affected.
      expect(await attempt(() => instanceA.consumeRateLimit("signIn", { ip: "10.0.2.1", account: "other@example.cn" }))).toBeNull();
    });

    it("limits per IP whatever the account", async () => {
      if (store === "redis") process.env.REDIS_URL = REDIS_URL;
      process.env.RATE_LIMIT_PREFIX = `tbtest${randomBytes(4).toString("hex")}`;
      const m = await freshModule();
      const { points } = m.LIMITS.magicLink.ip;
      for (let i = 0; i < points; i++) await m.consumeRateLimit("magicLink", { ip: "192.0.2.7", account: `a${i}@example.cn` });
      expect((await attempt(() => m.consumeRateLimit("magicLink", { ip: "192.0.2.7", account: "new@example.cn" })))?.code).toBe("RATE_LIMITED");
    });
  });
}

describe("per-IP limits for IPv6 clients", () => {
  it("count a whole /64 as one client, so rotating addresses inside it does not reset the limit", async () => {
    process.env.RATE_LIMIT_PREFIX = `tbtest${randomBytes(4).toString("hex")}`;
    const m = await freshModule();
    const { points } = m.LIMITS.magicLink.ip;
    for (let i = 0; i < points; i++) await m.consumeRateLimit("magicLink", { ip: `2001:db8:1:2::${(i + 1).toString(16)}`, account: `v6-${i}@example.cn` });
    expect((await attempt(() => m.consumeRateLimit("magicLink", { ip: "2001:db8:1:2:ffff:ffff:ffff:ffff", account: "v6-new@example.cn" })))?.code).toBe(
      "RATE_LIMITED",
    );
    expect(await attempt(() => m.consumeRateLimit("magicLink", { ip: "2001:db8:1:3::1", account: "v6-other@example.cn" }))).toBeNull();
  });
});
