import "server-only";
import { prisma } from "@/lib/db";
import { getQueueState, type QueueState } from "@/lib/jobs/queue-state";
import { getWorkerSlots, type WorkerSlots } from "@/lib/jobs/worker-slots";
import { getMeili } from "@/lib/search/client";

export type ComponentCheck = { ok: true; latencyMs: number } | { ok: false; error: string };
export type HealthReport = {
  status: "ok" | "degraded";
  checkedAt: string;
  database: ComponentCheck;
  meilisearch: ComponentCheck;
  queue: ({ ok: true } & QueueState) | { ok: false; error: string };
  /**
   * Worker job slots running against those configured, from the workers' heartbeats. `ok` is
   * false when no worker process beats or one runs with fewer slots than it was started with.
   * For alerting only: it does not make the report "degraded" (a web instance serves pages
   * without a worker, and a load balancer must not take it out of rotation for one).
   */
  workers: ({ ok: boolean } & WorkerSlots) | { ok: false; error: string };
};

const TIMEOUT_MS = 3_000;

async function timed(fn: () => Promise<unknown>): Promise<ComponentCheck> {
  const started = performance.now();
  try {
    await withTimeout(fn(), TIMEOUT_MS);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, error: summarise(err) };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// Safe for a public endpoint: a short reason, never a connection string or stack.
function summarise(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  const first = (e?.message ?? String(err)).split("\n")[0]!.replace(/postgres(ql)?:\/\/\S+/g, "postgresql://…");
  return (code && !first.includes(code) ? `${code}: ${first}` : first).slice(0, 200);
}

/**
 * Database, Meilisearch and queue state. "degraded" (HTTP 503) when the database or Meilisearch
 * does not answer; queue figures (depth, oldest job age, dead letters) are reported for alerting.
 */
export async function checkHealth(): Promise<HealthReport> {
  const [database, meilisearch] = await Promise.all([
    timed(() => prisma.$queryRaw`SELECT 1`),
    timed(async () => {
      const res = await getMeili().health();
      if (res.status !== "available") throw new Error(`status ${res.status}`);
    }),
  ]);
  let queue: HealthReport["queue"];
  let workers: HealthReport["workers"];
  if (database.ok) {
    const [queueState, slots] = await Promise.allSettled([withTimeout(getQueueState(prisma), TIMEOUT_MS), withTimeout(getWorkerSlots(prisma), TIMEOUT_MS)]);
    queue = queueState.status === "fulfilled" ? { ok: true, ...queueState.value } : { ok: false, error: summarise(queueState.reason) };
    workers =
      slots.status === "fulfilled"
        ? { ok: slots.value.processes > 0 && slots.value.slotsRunning === slots.value.slotsConfigured, ...slots.value }
        : { ok: false, error: summarise(slots.reason) };
  } else {
    queue = { ok: false, error: "database unavailable" };
    workers = { ok: false, error: "database unavailable" };
  }
  const ok = database.ok && meilisearch.ok && queue.ok;
  return { status: ok ? "ok" : "degraded", checkedAt: new Date().toISOString(), database, meilisearch, queue, workers };
}
