// Failing keyed jobs against graphile-worker's real tables: a job superseded while it ran (add_job
// took its key) loses no record id and leaves no dead letter; a job that fails keeps its attempt
// count and backoff; a Meilisearch outage is not counted; a worker's death is not a failure.
import { runOnce, type Task } from "graphile-worker";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { enqueueJob, shardOf } from "@/lib/jobs/enqueue";
import { handOverFailedKeyedJob, withHandOver } from "./keyed-failure";
import { getQueueState } from "@/lib/jobs/queue-state";
import { INTERRUPTED, startWorkerLiveness } from "@/lib/jobs/worker-liveness";

const url = process.env.DATABASE_URL!;
type Row = {
  id: string;
  key: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  locked_at: Date | null;
  last_error: string | null;
  run_in_s: number;
  created_at: Date;
};

const rows = () =>
  prisma.$queryRaw<Row[]>`SELECT id::text, key, payload, attempts, max_attempts, locked_at, last_error, created_at,
    extract(epoch FROM run_at - now())::float8 AS run_in_s FROM graphile_worker._private_jobs ORDER BY id`;
/** What graphile-worker does when it picks a job: count the attempt and lock it. */
async function lockAll(workerId = "worker-x") {
  await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = attempts + 1, locked_at = now(), locked_by = ${workerId}`;
}
const asJob = (r: Row, task = "index-needs") => ({ id: r.id, key: r.key, task_identifier: task, payload: r.payload });
const ids = (n: number, shard = 5) =>
  Array.from({ length: 400 }, (_, i) => `kf-${i}`)
    .filter((id) => shardOf(id) === shard)
    .slice(0, n);

beforeEach(async () => {
  await prisma.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
});
afterAll(async () => {
  await prisma.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
  await prisma.$disconnect();
});

describe("a keyed job that fails", () => {
  it("superseded while running: its ids join the newer batch, and nothing is left dead", async () => {
    const [a, b, c] = ids(3);
    for (const id of [a!, b!]) await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: id }));
    await lockAll();
    const [running] = await rows();
    // A write while the batch runs: add_job takes the key from the running job.
    await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: c! }));
    const [detached, newer] = await rows();
    expect(detached).toMatchObject({ id: running!.id, key: null });
    expect(detached!.attempts).toBe(detached!.max_attempts);
    expect(newer).toMatchObject({ key: `index-needs:5`, payload: [c] });

    expect(await handOverFailedKeyedJob(prisma, asJob(running!), new Error("Meilisearch task failed"))).toBe("merged-into-newer");
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE id = ${running!.id}::bigint`; // completed
    const [merged, ...rest] = await rows();
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ id: newer!.id, key: "index-needs:5", attempts: 0 });
    expect([...(merged!.payload as string[])].sort()).toEqual([a, b, c].sort());
    expect((await getQueueState(prisma)).deadLetters).toBe(0);
  });

  it("superseded, with the same work under its key (not a batch): simply completes", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "match-need", { needId: "n1" }, { jobKey: "match-need:n1" }));
    await lockAll();
    const [running] = await rows();
    await prisma.$transaction((tx) => enqueueJob(tx, "match-need", { needId: "n1" }, { jobKey: "match-need:n1" }));
    expect(await handOverFailedKeyedJob(prisma, asJob(running!, "match-need"), new Error("x"))).toBe("newer-has-same-work");
  });

  it("not superseded: rescheduled under its key with its attempts, error and backoff; a dead letter once they are used up", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: "kf-x" }, { maxAttempts: 3 }));
    await lockAll();
    await lockAll(); // second attempt
    const [running] = await rows();
    expect(await handOverFailedKeyedJob(prisma, asJob(running!), new Error("Meilisearch task 7 failed: invalid document"))).toBe("rescheduled");
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE id = ${running!.id}::bigint`;
    const [next] = await rows();
    expect(next).toMatchObject({ key: `index-needs:${shardOf("kf-x")}`, payload: ["kf-x"], attempts: 2, max_attempts: 3, locked_at: null });
    expect(next!.last_error).toContain("invalid document");
    expect(next!.run_in_s).toBeGreaterThan(5); // exp(2) s
    expect(next!.created_at).toEqual(running!.created_at);
    await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await lockAll(); // third and last attempt
    const [last] = await rows();
    await handOverFailedKeyedJob(prisma, asJob(last!), new Error("invalid document again"));
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE id = ${last!.id}::bigint`;
    expect(await getQueueState(prisma)).toMatchObject({ depth: 0, deadLetters: 1 });
  });

  it("while Meilisearch is down: the attempt is not counted and the retry comes within seconds", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: "kf-y" }));
    await lockAll();
    const [running] = await rows();
    expect(await handOverFailedKeyedJob(prisma, asJob(running!), new Error("connect ECONNREFUSED"), { outage: true })).toBe("rescheduled-outage");
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE id = ${running!.id}::bigint`;
    const [next] = await rows();
    expect(next).toMatchObject({ attempts: 0, payload: ["kf-y"] });
    expect(next!.run_in_s).toBeGreaterThan(3);
    expect(next!.run_in_s).toBeLessThanOrEqual(5);
  });

  it("through graphile-worker: a failing batch neither dies nor is lost, and succeeds on its retry", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: "kf-z" }));
    let fail = true;
    const seen: unknown[] = [];
    const task: Task = async (payload) => {
      seen.push(payload);
      if (fail) throw new Error("Meilisearch is down");
    };
    const taskList = { "index-needs": withHandOver(prisma, task, { isOutage: () => true, isDatabaseDown: () => false }) };
    await runOnce({ connectionString: url, taskList, noHandleSignals: true });
    // Rescheduled for its retry a little later: waiting, not lost, not dead.
    expect(await getQueueState(prisma)).toMatchObject({ depth: 0, scheduled: 1, deadLetters: 0, running: 0 });
    fail = false;
    await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await runOnce({ connectionString: url, taskList, noHandleSignals: true });
    expect(seen).toEqual([["kf-z"], ["kf-z"]]);
    expect(await rows()).toEqual([]);
  });

  it("waits for the database to come back to hand over, instead of failing into a dead letter", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: "kf-w" }));
    let refusals = 0;
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    // The database refuses the first two hand-over attempts, as while it restarts.
    const flaky = {
      $transaction: ((...args: unknown[]) =>
        refusals++ < 2 ? Promise.reject(down) : (prisma.$transaction as (...a: unknown[]) => unknown)(...args)) as typeof prisma.$transaction,
    };
    const taskList = {
      "index-needs": withHandOver(
        flaky,
        async () => {
          throw down;
        },
        { isOutage: () => true, isDatabaseDown: (e) => (e as { code?: string }).code === "ECONNREFUSED" },
      ),
    };
    await runOnce({ connectionString: url, taskList, noHandleSignals: true });
    expect(refusals).toBe(3);
    const [next, ...rest] = await rows();
    expect(rest).toEqual([]);
    expect(next).toMatchObject({ payload: ["kf-w"], attempts: 0, locked_at: null });
    expect((await getQueueState(prisma)).deadLetters).toBe(0);
  });
});

describe("a job whose worker died", () => {
  it("gets one more attempt when it was on its last one (or superseded), but not a second time", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "email-notification", { notificationId: "kf-n" }, { jobKey: "email-notification:kf-n", maxAttempts: 1 }));
    const observer = await startWorkerLiveness(url);
    try {
      for (const round of [1, 2]) {
        await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = attempts + 1, locked_at = now() - interval '1 minute', locked_by = ${`dead-${round}`}`;
        expect(await observer.reclaimDeadWorkers()).toEqual([`dead-${round}`]);
        const [job] = await rows();
        expect(job!.locked_at).toBeNull();
        expect(job!.last_error).toContain(INTERRUPTED);
        if (round === 1)
          expect(job!.attempts).toBe(0); // may run again
        else expect(job!.attempts).toBe(1); // interrupted twice in a row: stays dead
      }
      expect((await getQueueState(prisma)).deadLetters).toBe(1);
    } finally {
      await observer.close();
    }
  });

  it("is reclaimed from this very process once graphile-worker stopped that worker slot", async () => {
    await prisma.$transaction((tx) => enqueueJob(tx, "email-notification", { notificationId: "kf-s" }, { jobKey: "email-notification:kf-s" }));
    const liveness = await startWorkerLiveness(url);
    try {
      await liveness.register("slot-1");
      await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, locked_at = now() - interval '1 minute', locked_by = 'slot-1'`;
      expect(await liveness.reclaimDeadWorkers()).toEqual([]); // ours, running
      await liveness.unregister("slot-1"); // the slot stopped without releasing its job
      expect(await liveness.reclaimDeadWorkers()).toEqual(["slot-1"]);
      expect((await rows())[0]!.locked_at).toBeNull();
    } finally {
      await liveness.close();
    }
  });
});
