import "server-only";
import type { Job, Task } from "graphile-worker";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addJob } from "@/lib/jobs/enqueue";

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

/**
 * While a dependency is down (Meilisearch unreachable), a failure is not the job's fault: it is
 * not counted as an attempt (so an outage never fills the dead-letter list) and the job is tried
 * again after a delay that grows with its age, 5 s to 60 s, so that it catches up soon after the
 * outage ends instead of after graphile-worker's exponential backoff (hours, after a long outage).
 */
export function outageRetryDelaySeconds(jobAgeSeconds: number): number {
  return Math.min(60, Math.max(5, jobAgeSeconds / 4));
}

export type HandOver = "merged-into-newer" | "newer-has-same-work" | "rescheduled" | "rescheduled-outage" | "not-keyed" | "gone";

/**
 * Called when a job failed with `error`. Returns how its work was handed over (then the job should
 * complete) or "not-keyed"/"gone" (then it should fail the normal way, by rethrowing):
 * - superseded, array payload: its ids are appended to the job under its key (which runs now);
 * - superseded, other payload: nothing to do, the job under its key does the same work;
 * - not superseded: it gives up its key and a job with the same key, payload, attempt count and
 *   last error is scheduled after the usual backoff (a dead letter if the attempts are used up),
 *   or, with `outage` (a dependency is down), without counting the attempt and after a short delay.
 */
export async function handOverFailedKeyedJob(
  db: Db,
  job: Pick<Job, "id" | "key" | "task_identifier" | "payload">,
  error: unknown,
  { outage = false }: { outage?: boolean } = {},
): Promise<HandOver> {
  if (!job.key) return "not-keyed";
  const message = errorText(error);
  return db.$transaction(async (tx) => {
    // The row lock makes add_job (which updates the same row to take the key) wait for us.
    const [row] = await tx.$queryRaw<{ key: string | null; attempts: number; max_attempts: number; payload: unknown; created_at: Date; age_s: number }[]>`
      SELECT key, attempts, max_attempts, payload, created_at, extract(epoch FROM now() - created_at)::float8 AS age_s
      FROM graphile_worker._private_jobs WHERE id = ${job.id}::bigint FOR UPDATE`;
    if (!row) return "gone";
    const isArray = Array.isArray(row.payload);
    if (row.key === null) {
      if (!isArray) return "newer-has-same-work";
      await addJob(tx, { task: job.task_identifier, payload: row.payload, jobKey: job.key, maxAttempts: row.max_attempts });
      return "merged-into-newer";
    }
    await tx.$executeRaw`UPDATE graphile_worker._private_jobs SET key = NULL WHERE id = ${job.id}::bigint`;
    // graphile-worker counted this run when it locked the job; an outage gives it back.
    const attempts = outage ? Math.max(0, row.attempts - 1) : row.attempts;
    const delayS = outage ? outageRetryDelaySeconds(row.age_s) : retryDelaySeconds(row.attempts);
    // No other job holds the key (this one did, under the lock): add_job inserts a fresh one,
    // which carries on this one's attempts, last error and age.
    const fresh = await addJob(tx, {
      task: job.task_identifier,
      payload: row.payload,
      jobKey: job.key,
      maxAttempts: row.max_attempts,
      runAt: new Date(Date.now() + delayS * 1000),
    });
    await tx.$executeRaw`UPDATE graphile_worker._private_jobs
      SET attempts = ${attempts}::smallint, last_error = ${message}, created_at = ${row.created_at}
      WHERE id = ${fresh}::bigint`;
    return outage ? "rescheduled-outage" : "rescheduled";
  });
}

function errorText(error: unknown): string {
  const e = error as { message?: string; stack?: string };
  return (e?.stack ?? e?.message ?? String(error)).slice(0, 4000);
}

/**
 * Wraps a task: when it throws, a keyed job hands its work over (handOverFailedKeyedJob) and
 * completes; an unkeyed job, or one that cannot be handed over (the database is down too), fails
 * the normal way and graphile-worker retries it.
 */
export function withHandOver(
  db: Db,
  run: Task,
  {
    isOutage,
    isDatabaseDown,
    handOverWaitMs = 60_000,
  }: { isOutage: (err: unknown) => boolean; isDatabaseDown: (err: unknown) => boolean; handOverWaitMs?: number },
): Task {
  return async (payload, helpers) => {
    try {
      await run(payload, helpers);
    } catch (err) {
      let outcome: HandOver;
      // A job that failed because the database went away cannot hand over its work until it is
      // back; failing the normal way instead would turn a superseded batch into a dead letter. So
      // the hand-over is retried while the database is unreachable (the job stays locked by us).
      const deadline = Date.now() + handOverWaitMs;
      for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
        try {
          outcome = await handOverFailedKeyedJob(db, helpers.job, err, { outage: isOutage(err) });
          break;
        } catch (handOverError) {
          if (isDatabaseDown(handOverError) && Date.now() + wait < deadline) {
            await new Promise((r) => setTimeout(r, wait));
            continue;
          }
          helpers.logger.error(`could not hand over failed job ${helpers.job.id}: ${(handOverError as Error).message}`);
          throw err;
        }
      }
      if (outcome === "not-keyed" || outcome === "gone") throw err;
      helpers.logger.warn(`${helpers.job.task_identifier} job ${helpers.job.id} failed (${(err as Error)?.message ?? err}); ${outcome}`);
    }
  };
}
