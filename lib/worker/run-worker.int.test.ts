// graphile-worker 0.16 does not replace a job slot that crashed ("committing seppuku" when it
// cannot release a job). The worker notices, reports it in its heartbeat (read by /api/health)
// and the worker process exits for its supervisor to start a full one.
import type { Runner } from "graphile-worker";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";
import { bin, startProcess } from "@/scripts/services/util";
import { startWorker, type SlotLost } from "./run-worker";

const url = process.env.DATABASE_URL!;

// The database refuses to complete (delete) jobs marked so: the slot running one cannot release
// it and stops, as it would when the database went away at that moment.
beforeEach(async () => {
  await prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION public.refuse_job_completion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'completion refused'; END; $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_job_completion BEFORE DELETE ON graphile_worker._private_jobs FOR EACH ROW WHEN (OLD.payload->>'refuseCompletion' = 'yes') EXECUTE FUNCTION public.refuse_job_completion()`,
  );
});
afterEach(async () => {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_job_completion ON graphile_worker._private_jobs`);
  await prisma.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
  await prisma.$executeRawUnsafe(`DELETE FROM "WorkerHeartbeat"`);
});
afterAll(() => prisma.$disconnect());

const addCrashingJob = () => prisma.$executeRawUnsafe(`SELECT graphile_worker.add_job('expire-needs', '{"refuseCompletion":"yes"}'::json)`);

async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const workersInHealth = async () => (await checkHealth()).workers;

describe("a crashed worker slot", () => {
  it("is reported to the caller and by /api/health as slots running against those configured", async () => {
    let lost: SlotLost | undefined;
    let runner: Runner | undefined = await startWorker(url, { concurrency: 2, heartbeatEveryMs: 200, onSlotLost: (l) => void (lost = l) });
    try {
      expect(
        await waitFor(async () => {
          const w = await workersInHealth();
          return "processes" in w && w.slotsRunning === 2 && w;
        }, "both slots in the heartbeat"),
      ).toEqual({ ok: true, processes: 1, slotsConfigured: 2, slotsRunning: 2, silentProcesses: 0 });

      await addCrashingJob();
      const reported = await waitFor(async () => lost, "the lost slot to be reported");
      expect(reported).toMatchObject({ slotsRunning: 1, slotsConfigured: 2 });
      // The health report reads the heartbeat row, which the next beat (200 ms) updates.
      expect(
        await waitFor(async () => {
          const w = await workersInHealth();
          return "processes" in w && w.slotsRunning === 1 && w;
        }, "the lost slot in the heartbeat"),
      ).toEqual({ ok: false, processes: 1, slotsConfigured: 2, slotsRunning: 1, silentProcesses: 0 });

      await runner.stop();
      runner = undefined;
      // A clean stop removes the process from the report: no worker at all is not ok either.
      expect(
        await waitFor(async () => {
          const w = await workersInHealth();
          return "processes" in w && w.processes === 0 && w;
        }, "the stopped worker to leave the report"),
      ).toMatchObject({ ok: false, slotsConfigured: 0, slotsRunning: 0 });
    } finally {
      await runner?.stop();
    }
  });

  it("makes the worker process exit with an error, for its supervisor to restart it", async () => {
    const worker = startProcess("worker", bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, WORKER_CONCURRENCY: "2", LOG_LEVEL: "info" },
      output: "ignore",
    });
    try {
      await waitFor(async () => {
        const w = await workersInHealth();
        return ("processes" in w && w.slotsRunning === 2) || worker.exited();
      }, "the worker process to start");
      expect(worker.exited()).toBeUndefined();
      await addCrashingJob();
      await waitFor(async () => worker.exited(), "the worker process to exit");
      expect(worker.exited()).toEqual({ code: 70, signal: null });
      expect(await worker.finalOutputTail()).toContain("a job slot crashed: exiting for the supervisor to restart the worker");
    } finally {
      await worker.stop(5_000);
    }
  });
});
