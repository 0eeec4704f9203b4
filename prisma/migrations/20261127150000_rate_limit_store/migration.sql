-- Rate-limit counters when REDIS_URL is unset (lib/security/rate-limit.ts, rate-limiter-flexible's
-- PostgreSQL store). Created here, once, rather than by the first request of each app instance:
-- concurrent CREATE SCHEMA/TABLE from several instances raced on PostgreSQL's catalog. Its own
-- schema, outside Prisma's "public", so the Prisma schema never sees or drops it.
CREATE SCHEMA IF NOT EXISTS "ratelimit";

CREATE TABLE IF NOT EXISTS "ratelimit"."limits" (
  "key" varchar(255) PRIMARY KEY,
  "points" integer NOT NULL DEFAULT 0,
  "expire" bigint
);
