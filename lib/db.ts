import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
// Reads DATABASE_URL directly so that CLIs (admin, worker, seed) need nothing else; the web
// server validates its whole environment at start (instrumentation.ts -> lib/env.ts).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString = process.env.DATABASE_URL, max = Number(process.env.DATABASE_POOL_MAX ?? 10)) {
  if (!connectionString) throw new Error("DATABASE_URL is not set: point it at PostgreSQL, e.g. postgresql://user:pass@host:5432/techbridge");
  // connectionTimeoutMillis: fail fast instead of hanging while PostgreSQL is down or restarting.
  // transactionOptions: under a burst, a transaction waits up to 10 s for a pooled connection
  // (Prisma's default is 2 s) before failing with a clear error.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 10_000) }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

function getClient(): PrismaClient {
  return (globalForPrisma.prisma ??= createPrismaClient());
}

// Created on first use, not at import: `next build` loads route modules without a database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Prisma } from "@/lib/generated/prisma/client";
