import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HEARTBEAT_STALE_MS } from "./worker-heartbeat";

export type WorkerSlots = {
  /** Worker processes that beat within HEARTBEAT_STALE_MS. */
  processes: number;
  /** Job slots those processes were started with (WORKER_CONCURRENCY each). */
  slotsConfigured: number;
  /** Job slots still running in them. */
  slotsRunning: number;
  /** Processes that stopped beating in the last day without a clean stop (killed, host lost). */
  silentProcesses: number;
};

/** The worker slots running against those configured, from the workers' heartbeat rows. */
export async function getWorkerSlots(db: Pick<PrismaClient, "$queryRaw">): Promise<WorkerSlots> {
  const staleSeconds = HEARTBEAT_STALE_MS / 1000;
  const [row] = await db.$queryRaw<{ processes: number; configured: number; running: number; silent: number }[]>`
    SELECT
      count(*) FILTER (WHERE "beatAt" >= now() - make_interval(secs => ${staleSeconds}))::int AS processes,
      coalesce(sum("slotsConfigured") FILTER (WHERE "beatAt" >= now() - make_interval(secs => ${staleSeconds})), 0)::int AS configured,
      coalesce(sum("slotsRunning") FILTER (WHERE "beatAt" >= now() - make_interval(secs => ${staleSeconds})), 0)::int AS running,
      count(*) FILTER (WHERE "beatAt" < now() - make_interval(secs => ${staleSeconds}))::int AS silent
    FROM "WorkerHeartbeat"`;
  return { processes: row?.processes ?? 0, slotsConfigured: row?.configured ?? 0, slotsRunning: row?.running ?? 0, silentProcesses: row?.silent ?? 0 };
}
