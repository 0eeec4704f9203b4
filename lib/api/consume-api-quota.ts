import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { sharedLimiter } from "@/lib/security/rate-limit";

// Per-user request budget for REST API v1: a fixed window of one minute, counted in the shared
// rate-limit store (Redis, or PostgreSQL without REDIS_URL) so that it holds across every app
// instance. API_RATE_LIMIT_PER_MINUTE overrides the default.
export const DEFAULT_API_REQUESTS_PER_MINUTE = 300;

function budget(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_API_REQUESTS_PER_MINUTE;
}

/** Counts one request of `key` (the acting user's id); 429 with Retry-After once the minute's budget is spent. */
export async function consumeApiQuota(key: string): Promise<void> {
  try {
    await (await sharedLimiter("api-v1", budget(), 60)).consume(key);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) {
      // The store is down: serve the request rather than fail the API with it (logged).
      logger.error({ err: (e as Error)?.message ?? String(e) }, "api quota store unavailable; request allowed");
      return;
    }
    throw new AppError("RATE_LIMITED", {
      key: "tooManyRequests",
      retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
    });
  }
}
