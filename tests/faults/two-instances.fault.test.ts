// Scale-out: two `next start` instances of one production build and two workers against one
// database (and one Redis). A rate limit counts requests across both instances (429 with
// Retry-After from the second after the budget was spent on both), a session made on one is
// valid on the other, every job enqueued through either instance is run by exactly one worker, and
// each instance's search cache is dropped when the index changes, whichever instance wrote.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  appEnv,
  Cleanups,
  createUserWithToken,
  ensureProductionBuild,
  meilisearch,
  readLog,
  signIn,
  startApp,
  startWorkerProcess,
  tempDir,
  throwawayDatabase,
  waitUntil,
} from "./helpers";

const BUDGET = 20; // API requests per user and minute (API_RATE_LIMIT_PER_MINUTE)
const NEEDS = 8;

const cleanups = new Cleanups();
let prisma: PrismaClient;
let a: { url: string };
let b: { url: string };
let token = "";
let writerToken = "";
let logDir = "";

beforeAll(async () => {
  await ensureProductionBuild();
  const databaseUrl = await throwawayDatabase(cleanups);
  const meili = await meilisearch(cleanups, tempDir(cleanups, "tb-scale-meili-"));
  const env = appEnv({
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    API_RATE_LIMIT_PER_MINUTE: String(BUDGET),
    WORKER_CONCURRENCY: "2",
    // Cached answers live 10 minutes here: only the index-change announcement can refresh them in time.
    SEARCH_CACHE_TTL_MS: "600000",
  });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX,
  });
  ({ prisma } = await import("@/lib/db"));
  ({ token } = await createUserWithToken("COMPANY", "scale-reader@example.cn", "scale-reader-password-1"));
  ({ token: writerToken } = await createUserWithToken("COMPANY", "scale-writer@example.cn", "scale-writer-password-1"));
  await createUserWithToken("RESEARCHER", "scale-searcher@example.cn", "scale-searcher-password-1");
  logDir = tempDir(cleanups, "tb-scale-log-");
  for (const name of ["worker-a", "worker-b"]) {
    const worker = startWorkerProcess(env, name, path.join(logDir, `${name}.log`));
    cleanups.add(() => worker.stop(5_000));
  }
  [a, b] = await Promise.all([startApp(cleanups, env, "app-a"), startApp(cleanups, env, "app-b")]);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await cleanups.run();
});

const get = (base: string, path: string, bearer = token) =>
  fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${bearer}` }, signal: AbortSignal.timeout(30_000) });

describe("two app instances, one database", () => {
  it("count a rate limit across both instances", async () => {
    const statuses: number[] = [];
    // The minute's budget, spent on both instances...
    for (let i = 0; i < BUDGET; i++) statuses.push((await get(i % 2 ? b.url : a.url, "/needs")).status);
    expect(statuses).toEqual(Array(BUDGET).fill(200));
    // ...is spent for both: an in-process counter would still allow half of it on each.
    for (const base of [b.url, a.url]) {
      const res = await get(base, "/needs");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    }
  });

  it("share sessions: signed in on one instance, signed in on the other", async () => {
    const cookie = await signIn(a.url, "scale-reader@example.cn", "scale-reader-password-1");
    const res = await fetch(`${b.url}/zh-CN/account`, { headers: { cookie }, redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-testid="current-user"');
  });

  it("run every job enqueued through either instance exactly once, across two workers", async () => {
    const ids: string[] = [];
    for (let i = 0; i < NEEDS; i++) {
      const res = await fetch(`${i % 2 ? b.url : a.url}/api/v1/needs`, {
        method: "POST",
        headers: { authorization: `Bearer ${writerToken}`, "content-type": "application/json" },
        body: JSON.stringify({
          title: `Two instances need ${i}`,
          description: "Created through one of two app instances sharing one database.",
          field: "测试",
        }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const drained = async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`)[0]!.n === 0;
    await waitUntil(drained, { timeoutMs: 120_000, intervalMs: 250, what: "both workers to drain the queue" });

    // graphile-worker logs "Completed task <job id> (...)" once per run of a job.
    const completed = (name: string) =>
      [...readLog(path.join(logDir, `${name}.log`)).matchAll(/Completed task (\d+) \(([a-z-]+)/g)].map((m) => ({ id: m[1]!, task: m[2]! }));
    const byA = completed("worker-a");
    const byB = completed("worker-b");
    const runs = new Map<string, number>();
    for (const { id } of [...byA, ...byB]) runs.set(id, (runs.get(id) ?? 0) + 1);
    console.log(`[scale-out] jobs run: worker-a ${byA.length}, worker-b ${byB.length} (${[...new Set([...byA, ...byB].map((j) => j.task))].join(", ")})`);
    expect([...runs].filter(([, n]) => n > 1)).toEqual([]);
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    // Every need was matched (its match-need job ran).
    expect([...byA, ...byB].filter((j) => j.task === "match-need").length).toBeGreaterThanOrEqual(NEEDS);

    const { getMeili, indexUid } = await import("@/lib/search/client");
    const docs = await getMeili()
      .index(indexUid("needs_broker"))
      .getDocuments<{ id: string }>({ fields: ["id"], limit: 1000 });
    expect(docs.results.map((d) => d.id).sort()).toEqual([...ids].sort());
  });

  it("drop each instance's cached search answers when either instance's write is indexed", async () => {
    const cookie = await signIn(b.url, "scale-searcher@example.cn", "scale-searcher-password-1");
    const word = `cachecheck${Date.now().toString(36)}`;
    const search = async () => (await fetch(`${b.url}/en/search?type=needs&q=${word}`, { headers: { cookie } })).text();
    // Asked twice on b: the empty answer is now in b's cache (for 10 minutes).
    for (let i = 0; i < 2; i++) expect(await search()).toContain('data-testid="search-empty"');
    const res = await fetch(`${a.url}/api/v1/needs`, {
      method: "POST",
      headers: { authorization: `Bearer ${writerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ title: `Two instances ${word}`, description: "Written through instance a, searched on instance b.", field: "测试" }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const started = Date.now();
    // (the title itself comes back with the query word highlighted: the hit's link is matched)
    await waitUntil(async () => (await search()).includes(`/needs/${id}"`), {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: "instance b to find the need written through instance a",
    });
    console.log(`[scale-out] written on a, found by search on b after ${Date.now() - started} ms`);
  });
});
