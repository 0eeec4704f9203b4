// The per-process search cache against the real PostgreSQL (LISTEN/NOTIFY) and Meilisearch:
// repeats are served from it, an announced index change is seen at once, a lost listener turns
// it off until it is back, and one audience's answer never serves another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { awaitTask, getMeili, indexUid } from "./client";
import { resetSearchCache, searchCacheStatus } from "./cached-search";
import { resultDocument, type ResultRow } from "./documents";
import { announceIndexChanged } from "./index-changes";
import { searchCatalog } from "./search";
import { syncNeed, syncResult } from "./sync";
import { sharedByAnonymous } from "@/lib/catalog/shared-by-anonymous";
import { createNeed, createOrgAndUser, createResult, ensureChain, removeOrgData, testDb, uniq } from "./search-test-fixtures";

let db: PrismaClient;
let owner: { orgId: string; userId: string };
const tag = `cache${uniq()}`;
const researcher = { id: "viewer-researcher", role: "RESEARCHER" as const, organisationId: "some-university" };
const broker = { id: "viewer-broker", role: "BROKER" as const, organisationId: null };

const resultIds = async () => {
  const r = await searchCatalog({ q: tag, type: "results", viewer: researcher });
  return r.ok ? r.hits.map((h) => h.id).sort() : ["unavailable"];
};

/** Puts a result's document into the live index without announcing it (as a lost announcement would). */
async function indexSilently(id: string) {
  const row = await db.result.findUniqueOrThrow({
    where: { id },
    include: { organisation: { select: { name: true, region: true } }, chainNode: { select: { id: true, chainId: true } } },
  });
  await awaitTask(
    getMeili()
      .index(indexUid("results"))
      .addDocuments([resultDocument(row as ResultRow)!], { primaryKey: "id" }),
  );
}

beforeAll(async () => {
  process.env.SEARCH_CACHE_TTL_MS = "600000";
  await resetSearchCache();
  db = testDb();
  const { org, user } = await createOrgAndUser(db);
  owner = { orgId: org.id, userId: user.id };
  await ensureChain(db);
  // Opens the listener; answers are cached once it is connected.
  await searchCatalog({ q: tag, type: "results", viewer: researcher });
});

afterAll(async () => {
  await resetSearchCache();
  delete process.env.SEARCH_CACHE_TTL_MS;
  if (owner) await removeOrgData(db, owner.orgId);
  await db?.$disconnect();
});

describe("search cache", () => {
  it("starts listening for index changes on the first search", async () => {
    await expect.poll(() => searchCacheStatus().enabled, { timeout: 10_000 }).toBe(true);
  });

  it("serves a repeated search from the cache until an index change is announced", async () => {
    const first = await createResult(db, owner, { title: `Cached membrane ${tag}`, summary: `first ${tag}`, lang: "en" });
    await syncResult(db, first.id);
    await expect.poll(resultIds, { timeout: 10_000 }).toEqual([first.id]);

    const second = await createResult(db, owner, { title: `Cached electrode ${tag}`, summary: `second ${tag}`, lang: "en" });
    await indexSilently(second.id);
    // Meilisearch has it, the cached answer does not: the answer came from the cache.
    expect(await resultIds()).toEqual([first.id]);

    await announceIndexChanged();
    await expect.poll(resultIds, { timeout: 10_000 }).toEqual([first.id, second.id].sort());
  });

  it("a write synced by the index job is searchable without waiting for the TTL", async () => {
    const third = await createResult(db, owner, { title: `Cached separator ${tag}`, summary: `third ${tag}`, lang: "en" });
    await syncResult(db, third.id);
    await expect.poll(async () => (await resultIds()).includes(third.id), { timeout: 10_000 }).toBe(true);
  });

  it("keys answers by audience: a broker's cached hits never answer a researcher", async () => {
    const { chainId, nodeId } = await ensureChain(db);
    const hidden = await createNeed(db, owner, {
      title: `经纪人可见需求 ${tag}`,
      description: `正文 ${tag}`,
      visibility: "BROKER_ONLY",
      keywords: [],
      chainNodeId: nodeId,
    });
    await syncNeed(db, hidden.id);
    // A broker whose portfolio covers the need's chain (least privilege: BROKER_ONLY needs only there).
    const forBroker = await searchCatalog({ q: tag, type: "needs", viewer: { ...broker, brokerPortfolio: { regions: [], chainIds: [chainId] } } });
    expect(forBroker.ok && forBroker.hits.map((h) => h.id)).toEqual([hidden.id]);
    const forResearcher = await searchCatalog({ q: tag, type: "needs", viewer: researcher });
    expect(forResearcher.ok && forResearcher.hits.map((h) => h.id)).toEqual([]);
  });

  it("stops caching when the listener's connection is lost, and resumes when it is back", async () => {
    await resultIds();
    expect(searchCacheStatus().entries).toBeGreaterThan(0);
    await db.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`);
    await expect.poll(() => searchCacheStatus(), { timeout: 10_000 }).toEqual({ enabled: false, entries: 0 });
    // Not listening: every search goes to Meilisearch, so a silent change is seen at once.
    const fourth = await createResult(db, owner, { title: `Cached catalyst ${tag}`, summary: `fourth ${tag}`, lang: "en" });
    await indexSilently(fourth.id);
    expect(await resultIds()).toContain(fourth.id);
    await expect.poll(() => searchCacheStatus().enabled, { timeout: 15_000 }).toBe(true);
  });
});

describe("anonymous catalogue cache (lib/catalog/shared-by-anonymous.ts)", () => {
  it("keeps what anonymous visitors see until an index change is announced, never a signed-in viewer's", async () => {
    await expect.poll(() => searchCacheStatus().enabled, { timeout: 10_000 }).toBe(true);
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const key = `facets${uniq()}`;
    expect(await sharedByAnonymous(null, "test-catalogue", key, compute)).toEqual({ n: 1 });
    expect(await sharedByAnonymous(null, "test-catalogue", key, compute)).toEqual({ n: 1 });
    // A signed-in viewer's scope holds unindexed drafts: computed every time, never stored.
    const member = { id: "m", role: "COMPANY" as const, organisationId: "o", isOrgAdmin: false, email: "", name: null, brokerPortfolio: null };
    expect(await sharedByAnonymous(member, "test-catalogue", key, compute)).toEqual({ n: 2 });
    expect(await sharedByAnonymous(null, "test-catalogue", key, compute)).toEqual({ n: 1 });
    await announceIndexChanged();
    await expect.poll(() => sharedByAnonymous(null, "test-catalogue", key, compute), { timeout: 10_000 }).toEqual({ n: 3 });
  });
});
