// Fault 2: PostgreSQL crashes and restarts while clients keep writing through the HTTP API of a
// running `next start`. Requests in flight fail with a clear, retryable error (503 UNAVAILABLE
// with Retry-After), none hangs and none is a 500; the app recovers without a restart; the worker
// recovers too, restarted by its supervisor if one of its job slots could not release a job while
// the database was down (graphile-worker does not replace such a slot, so the worker exits:
// scripts/worker.ts); every write that was answered 201 is in the database afterwards, and indexed.
// The PostgreSQL restarted here is a private one (embedded binaries, own port and data directory):
// the shared server on 5432 is never touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/scripts/db/engine";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { supervise, type Supervised } from "@/scripts/services/supervise";
import type { ManagedProcess } from "@/scripts/services/util";
import {
  appEnv,
  Cleanups,
  createUserWithToken,
  ensureProductionBuild,
  meilisearch,
  privatePostgres,
  startApp,
  startWorkerProcess,
  tempDir,
  waitUntil,
  type PrivatePostgres,
} from "./helpers";

const WRITERS = 4;

const cleanups = new Cleanups();
let prisma: PrismaClient;
let pg: PrivatePostgres;
let app: { url: string; proc: ManagedProcess };
let worker: Supervised;
let token = "";
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await ensureProductionBuild();
  pg = await privatePostgres(cleanups);
  await deployMigrations(pg.databaseUrl);
  const meili = await meilisearch(cleanups, tempDir(cleanups, "tb-fault2-meili-"));
  env = appEnv({
    DATABASE_URL: pg.databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    RATE_LIMIT_MULTIPLIER: "100",
    DATABASE_CONNECT_TIMEOUT_MS: "5000",
  });
  Object.assign(process.env, {
    DATABASE_URL: pg.databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX,
  });
  ({ prisma } = await import("@/lib/db"));
  ({ token } = await createUserWithToken("COMPANY", "fault2@example.cn", "fault-two-password-1"));
  // Supervised as in production (systemd, Kubernetes, npm run demo).
  worker = supervise("worker", () => startWorkerProcess(env), {
    initialDelayMs: 500,
    onRestart: ({ exit, delayMs }) => console.log(`[fault 2] the worker exited (${exit}); its supervisor restarts it in ${delayMs} ms`),
  });
  cleanups.add(() => worker.stop(5_000));
  app = await startApp(cleanups, env);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await cleanups.run();
});

type Outcome = {
  n: number;
  at: number;
  ms: number;
  status: number | "hang" | "network";
  id?: string;
  code?: string;
  message?: string;
  retryAfter?: string | null;
};

describe("PostgreSQL restarted during writes", () => {
  it("fails in-flight requests clearly, recovers without a restart and loses no committed write", async () => {
    const outcomes: Outcome[] = [];
    let stop = false;
    let counter = 0;
    const write = async (): Promise<Outcome> => {
      const n = ++counter;
      const at = Date.now();
      try {
        const res = await fetch(`${app.url}/api/v1/needs`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            title: `Fault two write ${n}`,
            description: "Written while PostgreSQL may be restarting: it must exist if it was answered 201.",
            field: "测试",
          }),
          // Anything slower than this counts as a hang.
          signal: AbortSignal.timeout(20_000),
        });
        const body = (await res.json().catch(() => ({}))) as { id?: string; error?: { code: string; message: string } };
        return {
          n,
          at,
          ms: Date.now() - at,
          status: res.status,
          id: body.id,
          code: body.error?.code,
          message: body.error?.message,
          retryAfter: res.headers.get("retry-after"),
        };
      } catch (err) {
        return { n, at, ms: Date.now() - at, status: (err as Error).name === "TimeoutError" ? "hang" : "network", message: (err as Error).message };
      }
    };
    const writers = Array.from({ length: WRITERS }, async () => {
      while (!stop) outcomes.push(await write());
    });
    const ok = () => outcomes.filter((o) => o.status === 201).length;

    await waitUntil(() => ok() >= 20, { timeoutMs: 60_000, intervalMs: 20, what: "writes before the restart" });
    const crashAt = Date.now();
    await pg.crash();
    // While it is down: writes fail fast with a clear error; health says the database is down.
    await waitUntil(() => outcomes.filter((o) => o.at > crashAt && o.status === 503).length >= WRITERS, {
      timeoutMs: 30_000,
      intervalMs: 20,
      what: "writes refused while PostgreSQL is down",
    });
    const health = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(20_000) });
    expect(health.status).toBe(503);
    expect((await health.json()) as object).toMatchObject({ database: { ok: false } });
    await pg.start();
    const upAt = Date.now();
    // The same app process recovers: writes succeed again.
    await waitUntil(() => outcomes.filter((o) => o.at > upAt && o.status === 201).length >= 10, {
      timeoutMs: 60_000,
      intervalMs: 20,
      what: "writes to succeed again after the restart",
    });
    const recoveredMs = Math.min(...outcomes.filter((o) => o.at > upAt && o.status === 201).map((o) => o.at + o.ms)) - upAt;
    stop = true;
    await Promise.all(writers);

    const failed = outcomes.filter((o) => o.status !== 201);
    const byKind = new Map<string, number>();
    for (const o of failed) byKind.set(`${o.status} ${o.code ?? ""}`, (byKind.get(`${o.status} ${o.code ?? ""}`) ?? 0) + 1);
    console.log(
      `[fault 2] ${outcomes.length} writes: ${ok()} ok, failed ${JSON.stringify(Object.fromEntries(byKind))}; ` +
        `PostgreSQL down ${upAt - crashAt} ms; first success ${recoveredMs} ms after it was back; slowest failure ${Math.max(0, ...failed.map((o) => o.ms))} ms`,
    );
    // Every failure is the clear, retryable one: no hang, no dropped connection, no 500.
    expect(failed.length).toBeGreaterThan(0);
    for (const o of failed) {
      expect(o, JSON.stringify(o)).toMatchObject({ status: 503, code: "UNAVAILABLE" });
      // No Accept-Language: the API answers in Chinese, the platform's primary language.
      expect(o.message).toMatch(/数据库暂时不可用|database is temporarily unavailable/);
      expect(o.retryAfter).toBeTruthy();
    }
    expect(app.proc.exited()).toBeUndefined();

    // No committed write lost: every 201 is in the database (a 503 may or may not have committed).
    const answered = outcomes.filter((o) => o.status === 201).map((o) => o.id!);
    const rows = await prisma.need.findMany({ where: { id: { in: answered } }, select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([...answered].sort());

    // The worker came back too: the queue drains and the index holds every need.
    await waitUntil(async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`)[0]!.n === 0, {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: "the queue to drain after the restart",
    }).catch(async (err) => {
      const jobs =
        await prisma.$queryRaw`SELECT id::text, task_identifier, key, attempts, max_attempts, run_at, locked_by, left(last_error, 200) AS last_error FROM graphile_worker.jobs LIMIT 20`;
      console.error("[fault 2] queue did not drain", JSON.stringify(jobs, null, 1));
      throw err;
    });
    // Every worker slot runs again, as /api/health reports from the workers' heartbeats.
    const workers = await waitUntil(
      async () => {
        const body = (await (await fetch(`${app.url}/api/health`)).json()) as { workers: { ok: boolean; slotsRunning?: number; slotsConfigured?: number } };
        return body.workers.ok ? body.workers : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: "/api/health to report every worker slot running" },
    );
    console.log(`[fault 2] worker restarts: ${worker.restarts()}; slots running ${workers?.slotsRunning}/${workers?.slotsConfigured}`);
    expect(worker.current().exited()).toBeUndefined();
    const { getMeili, indexUid } = await import("@/lib/search/client");
    const docs = await getMeili()
      .index(indexUid("needs_broker"))
      .getDocuments<{ id: string; version: number }>({ fields: ["id", "version"], limit: 10_000 });
    const all = await prisma.need.findMany({ select: { id: true, version: true } });
    expect(docs.results.map((d) => `${d.id}@${d.version}`).sort()).toEqual(all.map((r) => `${r.id}@${r.version}`).sort());
  });
});
