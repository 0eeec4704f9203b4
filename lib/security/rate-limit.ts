import "server-only";
import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { rateLimitKeyOf } from "@/lib/http/proxy-trust";
import { logger } from "@/lib/logger";

// Rate limits per client IP and per account. The counters live in Redis (REDIS_URL) or, without
// Redis, in PostgreSQL (schema "ratelimit"), never in process memory: they hold across every app
// instance behind the load balancer. Exceeding a limit is a 429 with Retry-After.

export type LimitedAction = "signIn" | "signUp" | "magicLink" | "accessRequest" | "message" | "apiWrite";
type Window = { points: number; durationS: number };

// Generous for people, tight for scripts. RATE_LIMIT_MULTIPLIER scales every limit (test servers
// that sign up hundreds of users from 127.0.0.1 raise it; never lower it below 1 in production).
export const LIMITS: Record<LimitedAction, { ip: Window; account: Window }> = {
  signIn: { ip: { points: 30, durationS: 15 * 60 }, account: { points: 10, durationS: 15 * 60 } },
  signUp: { ip: { points: 20, durationS: 60 * 60 }, account: { points: 5, durationS: 60 * 60 } },
  magicLink: { ip: { points: 20, durationS: 15 * 60 }, account: { points: 5, durationS: 15 * 60 } },
  accessRequest: { ip: { points: 60, durationS: 60 * 60 }, account: { points: 30, durationS: 60 * 60 } },
  message: { ip: { points: 120, durationS: 60 }, account: { points: 60, durationS: 60 } },
  apiWrite: { ip: { points: 300, durationS: 60 }, account: { points: 120, durationS: 60 } },
};

function multiplier(): number {
  const m = Number(process.env.RATE_LIMIT_MULTIPLIER ?? 1);
  return Number.isFinite(m) && m > 0 ? m : 1;
}

type Store = { kind: "redis"; client: Redis } | { kind: "postgres"; pool: pg.Pool };
const globalStore = globalThis as unknown as { tbRateLimitStore?: Store; tbRateLimiters?: Map<string, Promise<RateLimiterAbstract>> };

function store(): Store {
  if (globalStore.tbRateLimitStore) return globalStore.tbRateLimitStore;
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000 });
    client.on("error", (err) => logger.warn({ err: err.message }, "rate-limit redis"));
    globalStore.tbRateLimitStore = { kind: "redis", client };
  } else {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3, connectionTimeoutMillis: 3_000 });
    pool.on("error", () => undefined);
    globalStore.tbRateLimitStore = { kind: "postgres", pool };
  }
  return globalStore.tbRateLimitStore;
}

function limiter(action: LimitedAction, scope: "ip" | "account"): Promise<RateLimiterAbstract> {
  const m = multiplier();
  const { points, durationS } = LIMITS[action][scope];
  return sharedLimiter(`${action}:${scope}`, Math.max(1, Math.round(points * m)), durationS);
}

/** A limiter over the shared store (Redis or PostgreSQL), cached per name and window. */
export function sharedLimiter(name: string, points: number, durationS: number): Promise<RateLimiterAbstract> {
  const prefix = process.env.RATE_LIMIT_PREFIX || "tb:rl";
  const key = `${prefix}|${name}|${points}|${durationS}`;
  const cache = (globalStore.tbRateLimiters ??= new Map());
  const hit = cache.get(key);
  if (hit) return hit;
  const opts = { keyPrefix: `${prefix}:${name}`, points, duration: durationS };
  const s = store();
  let created: Promise<RateLimiterAbstract>;
  if (s.kind === "redis") {
    created = Promise.resolve(new RateLimiterRedis({ ...opts, storeClient: s.client }));
  } else {
    // Schema and table come from a migration (rate_limit_store), never from a request.
    created = Promise.resolve(new RateLimiterPostgres({ ...opts, storeClient: s.pool, schemaName: "ratelimit", tableName: "limits", tableCreated: true }));
  }
  // A failed set-up (store down) is retried on the next request instead of being cached.
  created.catch(() => cache.delete(key));
  cache.set(key, created);
  return created;
}

/** `ip` comes from lib/http/client-ip.ts clientIpFrom (null when unknown: only the account is counted). */
export type LimitSubject = { ip?: string | null; account?: string | null };

/**
 * Counts one attempt of `action` for the client IP and the account (user id or normalised email);
 * throws AppError RATE_LIMITED (429, Retry-After) when either is over its limit. If the limit store
 * itself is unreachable the request is let through (logged): an outage of Redis must not take
 * sign-in down with it; the account lockout (in the database) still protects passwords.
 */
export async function consumeRateLimit(action: LimitedAction, subject: LimitSubject): Promise<void> {
  const tasks: Promise<unknown>[] = [];
  // IPv6 clients are counted per /64 (lib/http/proxy-trust.ts): one holder, many addresses.
  const ip = subject.ip ? rateLimitKeyOf(subject.ip) : null;
  const account = subject.account?.trim().toLowerCase();
  if (ip) tasks.push(limiter(action, "ip").then((l) => l.consume(ip)));
  if (account) tasks.push(limiter(action, "account").then((l) => l.consume(account)));
  const settled = await Promise.allSettled(tasks);
  let retryMs = 0;
  for (const s of settled) {
    if (s.status === "fulfilled") continue;
    if (s.reason instanceof RateLimiterRes) retryMs = Math.max(retryMs, s.reason.msBeforeNext);
    else logger.error({ err: (s.reason as Error)?.message ?? String(s.reason), action }, "rate-limit store unavailable; request allowed");
  }
  if (retryMs > 0) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
    throw new AppError("RATE_LIMITED", { key: "tooManyRequests", retryAfterSeconds });
  }
}
