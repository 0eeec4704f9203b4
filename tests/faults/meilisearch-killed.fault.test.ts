// Fault 1: Meilisearch is killed with SIGKILL in the middle of 1,000 concurrent creates, updates
// and deletes, then started again. Once the job queue drains, the index holds exactly the
// database's (id, version) pairs: nothing lost, nothing duplicated, nothing stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ManagedProcess } from "@/scripts/services/util";
import type { Actor } from "@/lib/policy";
import path from "node:path";
import { appEnv, Cleanups, meilisearch, readLog, startWorkerProcess, tempDir, throwawayDatabase, UNHANDLED_REJECTION, waitUntil, killHard } from "./helpers";

const cleanups = new Cleanups();
let prisma: PrismaClient;
let meili: Meilisearch;
let actor: Actor;
let worker: ManagedProcess;
let env: NodeJS.ProcessEnv;
let meiliHandle: Awaited<ReturnType<typeof meilisearch>>;
let meiliDir = "";
let workerLog = "";

const PRE_EXISTING = 300;
const OPS = 1000;

beforeAll(async () => {
  const databaseUrl = await throwawayDatabase(cleanups);
  meiliDir = tempDir(cleanups, "tb-fault-meili-");
  meiliHandle = await meilisearch(cleanups, meiliDir);
  env = appEnv({ DATABASE_URL: databaseUrl, MEILI_URL: meiliHandle.url, MEILI_MASTER_KEY: meiliHandle.masterKey, WORKER_CONCURRENCY: "4" });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    MEILI_URL: meiliHandle.url,
    MEILI_MASTER_KEY: meiliHandle.masterKey,
    MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX,
    DATABASE_POOL_MAX: "20",
    DATABASE_CONNECT_TIMEOUT_MS: "60000",
  });
  ({ prisma } = await import("@/lib/db"));
  const { getMeili } = await import("@/lib/search/client");
  meili = getMeili();
  const org = await prisma.organisation.create({ data: { name: "Fault One Co", kind: "COMPANY" } });
  const user = await prisma.user.create({
    data: { email: "fault1@example.cn", role: "COMPANY", organisationId: org.id },
    select: { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true },
  });
  actor = user;
  workerLog = path.join(tempDir(cleanups, "tb-fault-log-"), "worker.log");
  worker = startWorkerProcess(env, "worker", workerLog);
  cleanups.add(() => worker.stop(5_000));
});

afterAll(async () => {
  await prisma?.$disconnect();
  await cleanups.run();
});

async function queueDrained(): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`;
  return row!.n === 0;
}

async function indexPairs(kind: "needs" | "needs_broker"): Promise<string[]> {
  const docs = await meili
    .index(`${env.MEILI_INDEX_PREFIX}${kind}`)
    .getDocuments<{ id: string; version: number }>({ fields: ["id", "version"], limit: 100_000 });
  return docs.results.map((d) => `${d.id}@${d.version}`).sort();
}

describe("SIGKILL Meilisearch during 1,000 concurrent writes", () => {
  it("ends with the index equal to the database once the queue drains", async () => {
    const { createNeed } = await import("@/lib/needs/create-need");
    const { updateNeed } = await import("@/lib/needs/update-need");
    const { enqueueJob } = await import("@/lib/jobs/enqueue");
    const input = (i: number) => ({
      title: i % 2 ? `Low-temperature sintering of silver paste ${i}` : `低温烧结银浆工艺优化 ${i}`,
      description: i % 2 ? "Reduce sintering temperature below 200 °C for flexible substrates." : "将银浆烧结温度降至 200 °C 以下，用于柔性基板。",
      field: "电子材料",
      keywords: ["银浆", "sintering"],
      visibility: "PUBLIC" as const,
    });
    // Deleting is done like every write: the row and its index job in one transaction.
    const deleteNeed = (id: string) =>
      prisma.$transaction(async (tx) => {
        await tx.need.delete({ where: { id } });
        await enqueueJob(tx, "index-need", { needId: id }, { jobKey: `index-need:${id}` });
      });

    const t0 = Date.now();
    const existing: string[] = [];
    for (let i = 0; i < PRE_EXISTING; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => createNeed(actor, input(i + j) as never)));
      existing.push(...batch.map((n) => n.id));
    }
    // Their index jobs may still be running when the burst starts: more work in flight for the kill.
    const t1 = Date.now();

    // 1,000 operations at once: 400 creates, 400 updates, 200 deletes over the existing needs.
    let settled = 0;
    let killedAt = -1;
    const outcomes = { ok: 0, failed: 0 };
    const reasons = new Map<string, number>();
    const ops: Array<() => Promise<unknown>> = [];
    for (let i = 0; i < OPS; i++) {
      const target = existing[i % PRE_EXISTING]!;
      if (i % 5 < 2) ops.push(() => createNeed(actor, input(1000 + i) as never));
      else if (i % 5 < 4) ops.push(() => updateNeed(actor, target, { title: `更新 ${i}：低温烧结银浆` } as never));
      else ops.push(() => deleteNeed(existing[(i * 7) % PRE_EXISTING]!));
    }
    const running = ops.map((op) =>
      op()
        // Conflicts (409: two updates of one need) and deleted targets (404) are expected.
        .then(
          () => {
            outcomes.ok++;
            // Kill Meilisearch once a first part of the burst has committed; the rest lands while it is down.
            if (outcomes.ok === 100) {
              killedAt = settled;
              process.kill(meiliHandle.pid!, "SIGKILL");
            }
          },
          (e: { code?: string; message?: string }) => {
            outcomes.failed++;
            const reason = e.code ?? e.message?.slice(0, 60) ?? "?";
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          },
        )
        .finally(() => settled++),
    );
    await Promise.all(running);
    const t2 = Date.now();
    expect(killedAt).toBeGreaterThan(0);

    // Meilisearch was down for the rest of the burst: jobs failed and wait for their retry.
    const failedJobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE attempts > 0`;
    console.log(
      `[fault 1] ops ok ${outcomes.ok}, refused ${outcomes.failed} ${JSON.stringify(Object.fromEntries(reasons))}; jobs that failed while Meilisearch was down: ${failedJobs[0]!.n}`,
    );

    // Under overload some operations are refused with a clear error (pool wait timeout, 409, 404);
    // well over a hundred writes must have committed while Meilisearch was dead.
    expect(outcomes.ok).toBeGreaterThan(200);
    const { startMeilisearch } = await import("@/scripts/services/meilisearch");
    meiliHandle = await startMeilisearch({ dbPath: meiliDir, port: meiliHandle.port, masterKey: meiliHandle.masterKey });
    cleanups.add(() => meiliHandle.stop());

    await waitUntil(queueDrained, { timeoutMs: 180_000, intervalMs: 500, what: "the queue to drain after Meilisearch came back" }).catch(async (err) => {
      const jobs =
        await prisma.$queryRaw`SELECT id::text, key, attempts, run_at, locked_at, locked_by, left(last_error, 200) AS last_error FROM graphile_worker.jobs`;
      const tasks = await meili.tasks.getTasks({ statuses: ["enqueued", "processing"], limit: 5 }).catch((e: Error) => e.message);
      console.error("[fault 1] queue did not drain", JSON.stringify({ jobs, tasks }, null, 1).slice(0, 4000));
      throw err;
    });

    console.log(
      `[fault 1] timings: ${PRE_EXISTING} needs created ${t1 - t0} ms, burst ${t2 - t1} ms, Meilisearch restart to drained queue ${Date.now() - t2} ms`,
    );
    const rows = await prisma.need.findMany({ select: { id: true, version: true } });
    const dbPairs = rows.map((r) => `${r.id}@${r.version}`).sort();
    expect(dbPairs.length).toBeGreaterThan(PRE_EXISTING);
    expect(await indexPairs("needs_broker")).toEqual(dbPairs);
    expect(await indexPairs("needs")).toEqual(dbPairs);
    const [dead] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE attempts >= max_attempts`;
    expect(dead!.n).toBe(0);
    // Meilisearch failures failed jobs, never the worker process.
    expect(worker.exited()).toBeUndefined();
    expect(readLog(workerLog)).not.toContain(UNHANDLED_REJECTION);
    await killHard(worker);
  });
});
