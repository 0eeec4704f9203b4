import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";

// Each worker process keeps one WorkerHeartbeat row up to date: the job slots it was started with
// and those still running (graphile-worker 0.16 does not replace a slot that crashed). The web
// reads the rows for /api/health (lib/jobs/worker-slots.ts); a row whose beat is older than
// HEARTBEAT_STALE_MS belongs to a process that is gone.

export const HEARTBEAT_EVERY_MS = 5_000;
export const HEARTBEAT_STALE_MS = 30_000;
/** Rows of processes gone this long are deleted (by any worker starting). */
const FORGET_AFTER = "1 day";

export type WorkerHeartbeat = {
  id: string;
  /** Records the number of slots running now (written at once, and with every beat). */
  setSlotsRunning(n: number): void;
  /** Stops beating and deletes the row (a clean stop). */
  close(): Promise<void>;
};

export async function startWorkerHeartbeat(
  connectionString: string,
  slotsConfigured: number,
  options: { everyMs?: number; onError?: (err: unknown) => void } = {},
): Promise<WorkerHeartbeat> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  // One connection, re-opened by the pool after a database restart.
  const pool = new pg.Pool({ connectionString, max: 1, application_name: "techbridge-worker-heartbeat" });
  pool.on("error", () => undefined);
  const onError = options.onError ?? (() => undefined);
  let slotsRunning = 0;
  let closed = false;
  let writing: Promise<unknown> = Promise.resolve();

  const write = () => {
    writing = writing
      .then(() =>
        pool.query(
          `INSERT INTO "WorkerHeartbeat" (id, host, pid, "slotsConfigured", "slotsRunning", "startedAt", "beatAt")
           VALUES ($1, $2, $3, $4, $5, now(), now())
           ON CONFLICT (id) DO UPDATE SET "slotsRunning" = EXCLUDED."slotsRunning", "beatAt" = now()`,
          [id, os.hostname(), process.pid, slotsConfigured, slotsRunning],
        ),
      )
      .catch(onError);
    return writing;
  };

  await pool.query(`DELETE FROM "WorkerHeartbeat" WHERE "beatAt" < now() - $1::interval`, [FORGET_AFTER]);
  await write();
  const timer = setInterval(() => void write(), options.everyMs ?? HEARTBEAT_EVERY_MS);
  timer.unref();

  return {
    id,
    setSlotsRunning(n) {
      if (closed || n === slotsRunning) return;
      slotsRunning = n;
      void write();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await writing;
      await pool.query(`DELETE FROM "WorkerHeartbeat" WHERE id = $1`, [id]).catch(onError);
      await pool.end().catch(() => undefined);
    },
  };
}
