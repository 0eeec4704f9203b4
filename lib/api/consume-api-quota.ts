import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

// Per-user request budget for REST API v1: a fixed window of one minute, kept in this process's
// memory (each app instance counts on its own). API_RATE_LIMIT_PER_MINUTE overrides the default.
export const DEFAULT_API_REQUESTS_PER_MINUTE = 300;

let current: { points: number; limiter: RateLimiterMemory } | undefined;

function limiter(): RateLimiterMemory {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  const points = Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_API_REQUESTS_PER_MINUTE;
  if (current?.points !== points) current = { points, limiter: new RateLimiterMemory({ keyPrefix: "api-v1", points, duration: 60 }) };
  return current.limiter;
}

/** Counts one request of `key` (the acting user's id); 429 with Retry-After once the minute's budget is spent. */
export async function consumeApiQuota(key: string): Promise<void> {
  try {
    await limiter().consume(key);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    throw new AppError("RATE_LIMITED", "Too many requests: wait a moment and try again", {
      retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
    });
  }
}
