// lib/search against a real Meilisearch and PostgreSQL (tests/global-setup.ts): sync rules,
// version guard, atomic rebuild, viewer-aware catalogue search, safe filters, "unavailable".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getMeili, indexUid } from "./client";
import { searchCatalog } from "./search";
import { rebuildAllIndexes } from "./rebuild";
import { syncNeed, syncResult } from "./sync";
import { createNeed, createOrgAndUser, createResult, ensureChain, removeOrgData, testDb, uniq } from "./search-test-fixtures";

const SECRET = "钒液流独家配方";
let db: PrismaClient;
let owner: { orgId: string; userId: string };
let orgName: string;
const ids: Record<string, string> = {};
const tag = uniq(); // makes this file's documents findable apart from others'

// Need hits are re-checked against the database with the viewer's scope (lib/needs), so the
// viewers are users of other organisations (ids need not exist for the public scope).
const anonymous = null;
const company = { id: "viewer-company", role: "COMPANY" as const, organisationId: "someone-else" };
const researcher = { id: "viewer-researcher", role: "RESEARCHER" as const, organisationId: "some-university" };
// Issue 11: the broker-only need is in this broker's portfolio (region), so the broker knows it.
const broker = { id: "viewer-broker", role: "BROKER" as const, organisationId: null, brokerPortfolio: { regions: [`区域${tag}`], chainIds: [] } };

beforeAll(async () => {
  db = testDb();
  const { org, user } = await createOrgAndUser(db);
  owner = { orgId: org.id, userId: user.id };
  orgName = org.name;
  const { nodeId } = await ensureChain(db);
  const base = { keywords: ["储能", `kw${tag}`], chainNodeId: nodeId, trlTarget: 6, collaborationModes: ["CO_DEVELOPMENT" as const] };
  ids.pub = (await createNeed(db, owner, { ...base, title: `储能电池热管理 ${tag}`, description: `公开需求正文 ${tag}`, visibility: "PUBLIC" })).id;
  ids.anon = (await createNeed(db, owner, { ...base, title: `匿名需求 储能 ${tag}`, description: `匿名正文 ${tag}`, visibility: "ANONYMOUS" })).id;
  ids.conf = (
    await createNeed(db, owner, {
      ...base,
      title: `保密需求 储能系统 ${tag}`,
      teaser: `寻找储能系统合作 ${tag}`,
      description: `我们的${SECRET}需要改进 ${tag}`,
      visibility: "CONFIDENTIAL",
    })
  ).id;
  ids.brokerOnly = (
    await createNeed(db, owner, { ...base, title: `经纪人可见 储能 ${tag}`, description: `正文 ${tag}`, visibility: "BROKER_ONLY", region: `区域${tag}` })
  ).id;
  ids.draft = (await createNeed(db, owner, { ...base, title: `草稿 储能 ${tag}`, description: `正文 ${tag}`, status: "DRAFT" })).id;
  ids.result = (
    await createResult(db, owner, { title: `Flow battery membrane ${tag}`, summary: `A membrane for vanadium flow batteries ${tag}`, lang: "en", trl: 5 })
  ).id;
  for (const key of ["pub", "anon", "conf", "brokerOnly", "draft"]) await syncNeed(db, ids[key]!);
  await syncResult(db, ids.result!);
});

afterAll(async () => {
  if (owner) await removeOrgData(db, owner.orgId);
  await db?.$disconnect();
});

const hitIds = (r: Awaited<ReturnType<typeof searchCatalog>>) => (r.ok ? r.hits.map((h) => h.id) : []);

describe("sync + catalogue search", () => {
  it("the public index holds public, anonymous and confidential needs; brokers also see broker-only", async () => {
    const pub = await searchCatalog({ q: tag, type: "needs", viewer: researcher });
    expect(pub.ok).toBe(true);
    expect(new Set(hitIds(pub))).toEqual(new Set([ids.pub, ids.anon, ids.conf]));
    const asCompany = await searchCatalog({ q: tag, type: "needs", viewer: company });
    expect(new Set(hitIds(asCompany))).toEqual(new Set([ids.pub, ids.anon, ids.conf]));
    const asBroker = await searchCatalog({ q: tag, type: "needs", viewer: broker });
    expect(new Set(hitIds(asBroker))).toEqual(new Set([ids.pub, ids.anon, ids.conf, ids.brokerOnly]));
  });

  it("anonymous needs carry no organisation; public ones do", async () => {
    const r = await searchCatalog({ q: tag, type: "needs", viewer: company });
    if (!r.ok) throw new Error("search failed");
    expect(r.hits.find((h) => h.id === ids.pub)?.organisationName).toBe(orgName);
    expect(r.hits.find((h) => h.id === ids.anon)?.organisationName).toBeNull();
  });

  it("a confidential need never exposes non-teaser text in hits, nor can it be found by it", async () => {
    const r = await searchCatalog({ q: `储能系统 ${tag}`, type: "needs", viewer: company });
    if (!r.ok) throw new Error("search failed");
    const hit = r.hits.find((h) => h.id === ids.conf)!;
    expect(hit).toBeTruthy();
    expect(JSON.stringify(hit)).not.toContain("钒液流");
    expect(JSON.stringify(hit)).not.toContain("配方");
    expect(hit.organisationName).toBeNull();
    const bySecret = await searchCatalog({ q: SECRET, type: "needs", viewer: company });
    expect(hitIds(bySecret)).not.toContain(ids.conf);
    // the raw document in the public index has no description either
    const raw = await getMeili().index(indexUid("needs")).getDocument(ids.conf!);
    expect(JSON.stringify(raw)).not.toContain("钒液流");
  });

  it("rejects filter injection attempts with an explicit error, and filters safely", async () => {
    const bad = await searchCatalog({ q: tag, type: "needs", viewer: company, filters: { chainId: 'x" OR visibility = "BROKER_ONLY' } });
    expect(bad).toEqual({ ok: false, reason: "invalid-filter", attribute: "chainId" });
    const byChain = await searchCatalog({ q: tag, type: "needs", viewer: company, filters: { chainId: "t-ev", trlMin: 5 } });
    expect(hitIds(byChain)).toContain(ids.pub);
    const none = await searchCatalog({ q: tag, type: "needs", viewer: company, filters: { trlMin: 8 } });
    expect(hitIds(none)).not.toContain(ids.pub);
  });

  it("is idempotent, follows status changes and never writes an older version over a newer one", async () => {
    expect((await syncNeed(db, ids.pub!)).actions.needs).toBe("upserted");
    expect((await syncNeed(db, ids.pub!)).actions.needs).toBe("upserted");
    // a newer document already in the index (e.g. a later job ran first) is kept
    const index = getMeili().index(indexUid("needs"));
    const current = await index.getDocument(ids.pub!);
    await index.addDocuments([{ ...current, version: 99, title: `newer ${tag}` }]).waitTask();
    expect((await syncNeed(db, ids.pub!)).actions.needs).toBe("kept-newer");
    expect((await index.getDocument(ids.pub!)).title).toBe(`newer ${tag}`);
    // closing the need (version bumped) removes it from both indexes' public view
    await db.need.update({ where: { id: ids.pub! }, data: { status: "CLOSED", version: 100 } });
    const out = await syncNeed(db, ids.pub!);
    expect(out.actions.needs).toBe("deleted");
    const after = await searchCatalog({ q: tag, type: "needs", viewer: company });
    expect(hitIds(after)).not.toContain(ids.pub);
    expect(
      await getMeili()
        .index(indexUid("needs"))
        .getDocument(ids.pub!)
        .catch(() => null),
    ).toBeNull();
    // drafts are in no index
    const draft = await searchCatalog({ q: tag, type: "needs", viewer: broker });
    expect(hitIds(draft)).not.toContain(ids.draft);
  });

  it("results are searchable with highlights, and a deleted row disappears", async () => {
    const r = await searchCatalog({ q: `membrane ${tag}`, type: "results", viewer: anonymous });
    if (!r.ok) throw new Error("search failed");
    const hit = r.hits.find((h) => h.id === ids.result)!;
    expect(hit.highlights.title.some((s) => s.match && /membrane/i.test(s.text))).toBe(true);
    await db.result.update({ where: { id: ids.result! }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    expect((await syncResult(db, ids.result!)).actions.results).toBe("deleted");
  });

  it("rebuilds every index from the database and swaps it in", async () => {
    const counts = await rebuildAllIndexes(db);
    expect(counts.needs).toBeGreaterThanOrEqual(2);
    expect(counts.needs_broker).toBeGreaterThanOrEqual(counts.needs);
    const r = await searchCatalog({ q: tag, type: "needs", viewer: broker });
    expect(new Set(hitIds(r))).toEqual(new Set([ids.anon, ids.conf, ids.brokerOnly]));
    const indexes = await getMeili().getIndexes({ limit: 1000 });
    // This file's indexes only: the Meilisearch process is shared with other test files.
    const own = indexes.results.map((i) => i.uid).filter((u) => u.startsWith(process.env.MEILI_INDEX_PREFIX ?? ""));
    expect(own.filter((u) => u.includes("__rebuild_"))).toEqual([]);
  });

  it("says 'unavailable' when Meilisearch cannot be reached, never an empty result", async () => {
    const saved = process.env.MEILI_URL;
    process.env.MEILI_URL = "http://127.0.0.1:9"; // nothing listens on the discard port
    try {
      expect(await searchCatalog({ q: tag, type: "results", viewer: anonymous })).toEqual({ ok: false, reason: "unavailable" });
    } finally {
      process.env.MEILI_URL = saved;
    }
  });
});
