import "server-only";
import pg from "pg";

// graphile-worker keeps a crashed worker's jobs locked for 4 hours before another worker may take
// them. To resume promptly after a crash (kill -9, OOM, lost host), every live worker holds a
// session advisory lock named after its worker id on one dedicated connection. A job locked by a
// worker whose advisory lock is free belongs to a dead process and is unlocked for the others.
// The lock dies with the process's connection, so this works across hosts sharing the database.

const LOCK_CLASS = 7_707_001;
// Only jobs locked this long ago are considered, so a worker that has just started and not yet
// taken its advisory lock is never mistaken for a dead one.
const MIN_LOCK_AGE_S = 3;
/** last_error of a job whose worker died while running it. */
export const INTERRUPTED = "Interrupted: the worker running this job died";

export type WorkerLiveness = {
  /** Marks a worker id of this process as alive. */
  register(workerId: string): Promise<void>;
  /**
   * Marks a worker id of this process as gone (graphile-worker stopped it, e.g. after it could
   * not release a job while the database was down): the jobs it still holds are then reclaimed
   * like those of a dead process.
   */
  unregister(workerId: string): Promise<void>;
  /** Unlocks jobs and queues held by dead workers; returns their ids. */
  reclaimDeadWorkers(): Promise<string[]>;
  close(): Promise<void>;
};

export async function startWorkerLiveness(connectionString: string): Promise<WorkerLiveness> {
  const own = new Set<string>();
  let client = await connect();
  // Losing the connection (a database restart) drops our advisory locks: reconnect and take them
  // again before anything else runs on it.
  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString, application_name: "techbridge-worker-liveness" });
    c.on("error", () => undefined);
    await c.connect();
    for (const id of own) await c.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_CLASS, id]);
    return c;
  }
  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[]) {
    try {
      return await client.query<R>(text, values);
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      await client.end().catch(() => undefined);
      client = await connect();
      return client.query<R>(text, values);
    }
  }
  // Serialise queries on the one client (events fire concurrently).
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    register: (workerId) =>
      serial(async () => {
        own.add(workerId);
        await query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_CLASS, workerId]);
      }),
    unregister: (workerId) =>
      serial(async () => {
        if (!own.delete(workerId)) return;
        await query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_CLASS, workerId]);
      }),
    reclaimDeadWorkers: () =>
      serial(async () => {
        const { rows } = await query<{ locked_by: string }>(
          `SELECT DISTINCT locked_by FROM graphile_worker.jobs
           WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)`,
          [MIN_LOCK_AGE_S],
        );
        const dead: string[] = [];
        for (const { locked_by: id } of rows) {
          if (own.has(id)) continue;
          const { rows: got } = await query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [LOCK_CLASS, id]);
          if (!got[0]?.ok) continue; // its owner is alive
          await query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_CLASS, id]);
          dead.push(id);
        }
        if (dead.length) {
          // A job cut off by its worker's death did not fail. One that was on its last attempt
          // (or was superseded while it ran: add_job set its attempts to max_attempts) would
          // otherwise never run again, so it gets one more attempt; the mark in last_error keeps
          // a job that kills its worker every time from getting another one after that.
          await query(
            `UPDATE graphile_worker._private_jobs
             SET attempts = CASE WHEN attempts >= max_attempts AND coalesce(last_error, '') NOT LIKE $2 || '%'
                                 THEN greatest(max_attempts - 1, 0) ELSE attempts END,
                 last_error = $2 || ' (worker ' || locked_by || ')'
             WHERE locked_by = ANY($1::text[])`,
            [dead, INTERRUPTED],
          );
          await query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
        }
        return dead;
      }),
    close: () => serial(() => client.end()),
  };
}

function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === "ECONNREFUSED" ||
    e?.code === "ECONNRESET" ||
    e?.code === "57P01" ||
    e?.code === "57P03" ||
    /Connection terminated|not queryable|Client was closed/i.test(e?.message ?? "")
  );
}
