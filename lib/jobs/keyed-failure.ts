import "server-only";
import type { Job } from "graphile-worker";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addJob } from "./enqueue";

// A job added under a job key can be *superseded while it runs*: graphile-worker's add_job, given
// the key of a running job, cannot merge into it, so it takes the key away from the running job,
// sets its attempts to max_attempts ("a replaced running job is not retried") and inserts a new
// job under the key. If the running job then fails, graphile-worker records it as a dead letter:
//   - an index batch (array payload: record ids) would strand the ids it held, because the new job
//     holds only the ids added since;
//   - any other keyed job leaves a spurious dead letter behind (the new job has the same work).
// Even a job that was not superseded when it failed can be superseded between our check and
// graphile-worker recording the failure. So a failing keyed job never simply fails: under a lock on
// its row it hands its work to the job under its key and completes.

type Db = Pick<PrismaClient, "$transaction">;

/** Backoff before the next attempt: graphile-worker's own formula, exp(min(attempts, 10)) s. */
export function retryDelaySeconds(attempts: number): number {
  return Math.exp(Math.min(attempts, 10));
}

export type HandOver = "merged-into-newer" | "newer-has-same-work" | "rescheduled" | "not-keyed" | "gone";

/**
 * Called when a job failed with `error`. Returns how its work was handed over (then the job should
 * complete) or "not-keyed"/"gone" (then it should fail the normal way, by rethrowing):
 * - superseded, array payload: its ids are appended to the job under its key (which runs now);
 * - superseded, other payload: nothing to do, the job under its key does the same work;
 * - not superseded: it gives up its key and a job with the same key, payload, attempt count and
 *   last error is scheduled after the usual backoff (a dead letter if the attempts are used up).
 */
export async function handOverFailedKeyedJob(db: Db, job: Pick<Job, "id" | "key" | "task_identifier" | "payload">, error: unknown): Promise<HandOver> {
  if (!job.key) return "not-keyed";
  const message = errorText(error);
  return db.$transaction(async (tx) => {
    // The row lock makes add_job (which updates the same row to take the key) wait for us.
    const [row] = await tx.$queryRaw<{ key: string | null; attempts: number; max_attempts: number; payload: unknown }[]>`
      SELECT key, attempts, max_attempts, payload FROM graphile_worker._private_jobs WHERE id = ${job.id}::bigint FOR UPDATE`;
    if (!row) return "gone";
    const isArray = Array.isArray(row.payload);
    if (row.key === null) {
      if (!isArray) return "newer-has-same-work";
      await addJob(tx, { task: job.task_identifier, payload: row.payload, jobKey: job.key, maxAttempts: row.max_attempts });
      return "merged-into-newer";
    }
    await tx.$executeRaw`UPDATE graphile_worker._private_jobs SET key = NULL WHERE id = ${job.id}::bigint`;
    const runAt = new Date(Date.now() + retryDelaySeconds(row.attempts) * 1000);
    // No other job holds the key (this one did, under the lock): add_job inserts a fresh one.
    const fresh = await addJob(tx, { task: job.task_identifier, payload: row.payload, jobKey: job.key, maxAttempts: row.max_attempts, runAt });
    await tx.$executeRaw`UPDATE graphile_worker._private_jobs
      SET attempts = ${row.attempts}::smallint, last_error = ${message}
      WHERE id = ${fresh}::bigint`;
    return "rescheduled";
  });
}

function errorText(error: unknown): string {
  const e = error as { message?: string; stack?: string };
  return (e?.stack ?? e?.message ?? String(error)).slice(0, 4000);
}
