// Fault 4: Meilisearch is down (first hung, then gone). Pages still render; search says plainly
// that it is temporarily unavailable, in the page and in the API (never a silent "0 results");
// writes still succeed, and once Meilisearch is back they are indexed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startMeilisearch, type MeilisearchHandle } from "@/scripts/services/meilisearch";
import {
  appEnv,
  Cleanups,
  createUserWithToken,
  ensureProductionBuild,
  meilisearch,
  signIn,
  startApp,
  startWorkerProcess,
  tempDir,
  throwawayDatabase,
  waitUntil,
} from "./helpers";

const cleanups = new Cleanups();
let prisma: PrismaClient;
let env: NodeJS.ProcessEnv;
let app: { url: string };
let meili: MeilisearchHandle;
let meiliDir = "";
let token = "";
let cookie = "";

const PASSWORD = "fault-four-password-1";
const EMAIL = "fault4@example.cn";
const TEXT = {
  zh: { unavailable: "搜索服务暂时不可用", apiUnavailable: "搜索暂时不可用" },
  en: { unavailable: "Search is temporarily unavailable" },
};
// What a page shows, not what it carries: every page also ships its locale's messages (JSON) to
// the browser, so a bare substring would match there.
const shownUnavailable = (text: string) => new RegExp(`role="alert"[^>]*>${text}`);
const SEARCH_UNAVAILABLE = 'data-testid="search-unavailable"';
const SEARCH_EMPTY_OR_HITS = /data-testid="search-(empty|hits)"/;

beforeAll(async () => {
  await ensureProductionBuild();
  const databaseUrl = await throwawayDatabase(cleanups);
  meiliDir = tempDir(cleanups, "tb-fault4-meili-");
  meili = await meilisearch(cleanups, meiliDir);
  env = appEnv({ DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, RATE_LIMIT_MULTIPLIER: "100" });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX,
  });
  ({ prisma } = await import("@/lib/db"));
  ({ token } = await createUserWithToken("COMPANY", EMAIL, PASSWORD));
  const worker = startWorkerProcess(env);
  cleanups.add(() => worker.stop(5_000));
  app = await startApp(cleanups, env);
  cookie = await signIn(app.url, EMAIL, PASSWORD);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await cleanups.run();
});

const api = (path: string, init: RequestInit & { lang?: "zh" | "en" } = {}) =>
  fetch(`${app.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": init.lang === "zh" ? "zh-CN" : "en", ...init.headers },
    // A hung request fails the test instead of hanging it.
    signal: AbortSignal.timeout(30_000),
  });
const page = async (path: string) => {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  return { status: res.status, html: await res.text() };
};
const needInput = (i: number) => ({
  title: `固态电池电解质界面稳定性 ${i}`,
  description: "需要提高硫化物固态电解质与高镍正极之间的界面稳定性，循环 500 次容量保持率 90% 以上。",
  field: "新能源",
  keywords: ["固态电池", "电解质"],
});
async function searchIds(q: string): Promise<string[] | null> {
  const res = await api(`/search?type=needs&q=${encodeURIComponent(q)}&limit=50`);
  if (res.status !== 200) return null;
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}
async function queueDrained() {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`;
  return row!.n === 0;
}

describe("Meilisearch down", () => {
  it("keeps pages and writes working, says search is unavailable, and indexes the writes after recovery", async () => {
    // Before: a need, indexed and findable.
    const before = (await (await api("/needs", { method: "POST", body: JSON.stringify(needInput(0)) })).json()) as { id: string };
    await waitUntil(async () => (await searchIds("固态电池"))?.includes(before.id), { timeoutMs: 60_000, what: "the first need to be searchable" });
    // ...and matched: its match-need job stored the need's match snapshot.
    await waitUntil(queueDrained, { timeoutMs: 60_000, intervalMs: 250, what: "the first need's jobs to run" });

    // Hung (SIGSTOP: connections accepted, never answered): the search API and page give up after
    // the client's deadline (10 s) and say so, instead of hanging.
    process.kill(meili.pid!, "SIGSTOP");
    try {
      const started = Date.now();
      const [hungApi, hungPage] = await Promise.all([api("/search?type=needs&q=电池"), page("/en/search?q=battery&type=needs")]);
      const waited = Date.now() - started;
      expect(hungApi.status).toBe(503);
      expect(hungPage.status).toBe(200);
      expect(hungPage.html).toMatch(shownUnavailable(TEXT.en.unavailable));
      expect(waited).toBeLessThan(25_000);
      console.log(`[fault 4] with Meilisearch hung, search answered "unavailable" after ${waited} ms`);
    } finally {
      process.kill(meili.pid!, "SIGCONT");
    }

    // Gone (SIGKILL).
    process.kill(meili.pid!, "SIGKILL");
    await waitUntil(
      async () =>
        await fetch(`${meili.url}/health`).then(
          () => false,
          () => true,
        ),
      { what: "Meilisearch to be gone" },
    );

    // The search API: 503 with a clear message and Retry-After, in the caller's language.
    for (const lang of ["en", "zh"] as const) {
      const res = await api("/search?type=needs&q=固态电池", { lang });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeTruthy();
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("UNAVAILABLE");
      expect(body.error.message).toContain(lang === "en" ? TEXT.en.unavailable : TEXT.zh.apiUnavailable);
    }
    // The search page says it too (zh-CN and en), never "no results".
    for (const [locale, text] of [
      ["zh-CN", TEXT.zh],
      ["en", TEXT.en],
    ] as const) {
      const { status, html } = await page(`/${locale}/search?q=${encodeURIComponent("固态电池")}&type=needs`);
      expect(status).toBe(200);
      expect(html).toMatch(shownUnavailable(text.unavailable));
      expect(html).toContain(SEARCH_UNAVAILABLE);
      expect(html).not.toMatch(SEARCH_EMPTY_OR_HITS);
    }
    // Other pages render: home, the need list, the need page (its matches come from the snapshot
    // stored before the outage).
    for (const path of ["/zh-CN", "/zh-CN/needs", `/zh-CN/needs/${before.id}`, `/en/needs/${before.id}`]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).not.toMatch(/Application error|Internal Server Error/);
    }
    const beforePage = (await page(`/zh-CN/needs/${before.id}`)).html;
    expect(beforePage).toContain('data-testid="need-matches"');
    expect(beforePage).not.toMatch(shownUnavailable(TEXT.zh.unavailable));
    // Health says what is wrong.
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()) as { meilisearch: { ok: boolean }; database: { ok: boolean } }).toMatchObject({
      meilisearch: { ok: false },
      database: { ok: true },
    });

    // Writes succeed while Meilisearch is down: creates and an update.
    const created: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await api("/needs", { method: "POST", body: JSON.stringify(needInput(i)) });
      expect(res.status).toBe(201);
      created.push(((await res.json()) as { id: string }).id);
    }
    const patched = await api(`/needs/${before.id}`, { method: "PATCH", body: JSON.stringify({ title: "固态电池电解质界面稳定性（已更新）" }) });
    expect(patched.status).toBe(200);
    // A need with no matches computed yet (new, or edited since) says matching is unavailable.
    for (const id of [created[0]!, before.id]) expect((await page(`/zh-CN/needs/${id}`)).html).toMatch(shownUnavailable(TEXT.zh.unavailable));

    // Meilisearch comes back (same data, port and key): the queued index jobs catch up.
    const backAt = Date.now();
    meili = await startMeilisearch({ dbPath: meiliDir, port: meili.port, masterKey: meili.masterKey });
    cleanups.add(() => meili.stop());
    await waitUntil(
      async () => {
        const ids = await searchIds("固态电池");
        return ids !== null && created.every((id) => ids.includes(id));
      },
      { timeoutMs: 120_000, intervalMs: 250, what: "the needs written during the outage to be searchable" },
    );
    await waitUntil(queueDrained, { timeoutMs: 60_000, intervalMs: 250, what: "the queue to drain" });
    console.log(`[fault 4] writes made during the outage searchable ${Date.now() - backAt} ms after Meilisearch restarted`);

    const { getMeili, indexUid } = await import("@/lib/search/client");
    const docs = await getMeili()
      .index(indexUid("needs_broker"))
      .getDocuments<{ id: string; version: number; title: string }>({ fields: ["id", "version", "title"], limit: 1000 });
    const rows = await prisma.need.findMany({ select: { id: true, version: true } });
    expect(docs.results.map((d) => `${d.id}@${d.version}`).sort()).toEqual(rows.map((r) => `${r.id}@${r.version}`).sort());
    expect(docs.results.find((d) => d.id === before.id)?.title).toBe("固态电池电解质界面稳定性（已更新）");
    const { status, html } = await page(`/zh-CN/search?q=${encodeURIComponent("固态电池")}&type=needs`);
    expect(status).toBe(200);
    expect(html).not.toContain(SEARCH_UNAVAILABLE);
    expect(html).toContain('data-testid="search-hits"');
    expect(html).toContain("已更新");
  });
});
