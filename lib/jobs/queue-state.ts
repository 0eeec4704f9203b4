import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The queue seen through graphile-worker's public SQL API (the graphile_worker.jobs view and
// graphile_worker.reschedule_jobs). A job whose attempts reached max_attempts is never run again:
// that is the dead-letter list, which admins see and can send back to the queue. A running job
// counts as running even on its last attempt (or when add_job superseded it meanwhile, which sets
// its attempts to max_attempts): only a job no worker holds can be dead.

type Db = Pick<PrismaClient, "$queryRaw">;

export type QueueState = {
  /** Jobs due now: waiting for a worker, due for a retry, or running. */
  depth: number;
  /** Seconds the oldest due job has waited since it became due; 0 when none is due. */
  oldestJobAgeSeconds: number;
  /** Jobs planned for later (deadline reminders, follow-ups, back-offs): not a backlog. */
  scheduled: number;
  /** When the next of those runs; null when none is planned. */
  nextScheduledAt: Date | null;
  /** Jobs that are running right now (locked by a worker). */
  running: number;
  /** Jobs that failed at least once and wait for a retry. */
  retrying: number;
  /** Permanently failed jobs (the dead-letter list). */
  deadLetters: number;
};

export async function getQueueState(db: Db): Promise<QueueState> {
  // A job is due once its run_at has passed (graphile-worker sets run_at = now() for immediate
  // jobs and to the planned time for reminders and retries); a reminder planned for next month
  // is not waiting, so it counts as scheduled and does not age the queue.
  const [row] = await db.$queryRaw<
    { depth: number; oldest: number | null; scheduled: number; next_at: Date | null; running: number; retrying: number; dead: number }[]
  >`SELECT
      count(*) FILTER (WHERE locked_at IS NOT NULL OR (attempts < max_attempts AND run_at <= now()))::int AS depth,
      extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NOT NULL OR (attempts < max_attempts AND run_at <= now())))::float8 AS oldest,
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now())::int AS scheduled,
      min(run_at) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now()) AS next_at,
      count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
      count(*) FILTER (WHERE attempts > 0 AND attempts < max_attempts AND locked_at IS NULL)::int AS retrying,
      count(*) FILTER (WHERE attempts >= max_attempts AND locked_at IS NULL)::int AS dead
    FROM graphile_worker.jobs`;
  return {
    depth: row?.depth ?? 0,
    oldestJobAgeSeconds: Math.max(0, Math.round(row?.oldest ?? 0)),
    scheduled: row?.scheduled ?? 0,
    nextScheduledAt: row?.next_at ?? null,
    running: row?.running ?? 0,
    retrying: row?.retrying ?? 0,
    deadLetters: row?.dead ?? 0,
  };
}

export type DeadJob = {
  id: string;
  task: string;
  key: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
};

/** The dead-letter list, most recent failure first. Payloads are not shown (they are ids only). */
export async function listDeadJobs(db: Db, limit = 100): Promise<DeadJob[]> {
  const rows = await db.$queryRaw<
    { id: bigint; task_identifier: string; key: string | null; attempts: number; last_error: string | null; created_at: Date; updated_at: Date }[]
  >`SELECT id, task_identifier, key, attempts, last_error, created_at, updated_at
    FROM graphile_worker.jobs WHERE attempts >= max_attempts AND locked_at IS NULL
    ORDER BY updated_at DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: String(r.id),
    task: r.task_identifier,
    key: r.key,
    attempts: r.attempts,
    // Errors come from our own tasks (Meilisearch / SMTP failures); keep the first line only.
    lastError: r.last_error?.split("\n")[0]?.slice(0, 500) ?? null,
    createdAt: r.created_at,
    failedAt: r.updated_at,
  }));
}

/**
 * Sends dead jobs back to the queue: attempts reset to 0, run now. Only jobs that are really dead
 * are touched (a job id that is running or still retrying is left alone). Returns the ids requeued.
 */
export async function retryDeadJobs(db: Db, ids: readonly string[]): Promise<string[]> {
  const wanted = ids.filter((id) => /^\d{1,19}$/.test(id));
  if (wanted.length === 0) return [];
  const dead = await db.$queryRaw<{ id: bigint }[]>`SELECT id FROM graphile_worker.jobs
    WHERE id = ANY(${wanted}::bigint[]) AND attempts >= max_attempts AND locked_at IS NULL`;
  if (dead.length === 0) return [];
  const requeued = await db.$queryRaw<{ id: bigint }[]>`SELECT id FROM graphile_worker.reschedule_jobs(
    ${dead.map((d) => String(d.id))}::bigint[], run_at => now(), attempts => 0)`;
  return requeued.map((r) => String(r.id));
}
