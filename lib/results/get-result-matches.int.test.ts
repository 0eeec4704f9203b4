// A result page's matching needs: the ranking is kept per process (per result version and per
// index the viewer searches), what is shown is re-checked against the database on every view.
// Real PostgreSQL and Meilisearch; records indexed through the production sync code.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { clearDfCache } from "@/lib/matching/matcher";
import { createNeed } from "@/lib/needs/create-need";
import { awaitTask, getMeili, indexUid, matchIndexUid } from "@/lib/search/client";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { createResult } from "./create-result";
import { clearResultRankings, getResultMatches } from "./get-result-matches";

let company: ApiUser;
let author: ApiUser;
let researcher: ApiUser;
let broker: ApiUser;
let resultId: string;

const NEED = {
  title: "燃料电池低铂催化剂国产化",
  description: "我们需要降低质子交换膜燃料电池催化剂的铂用量，寻求低铂催化剂技术合作，要求耐久性不低于 5000 小时。",
  field: "氢能",
  keywords: ["燃料电池", "催化剂"],
  collaborationModes: [],
  teaserFields: [],
};

async function publishNeed(visibility: "PUBLIC" | "BROKER_ONLY"): Promise<string> {
  const { id } = await createNeed(company.actor, { ...NEED, visibility });
  await syncNeed(prisma, id);
  return id;
}

const matchIds = async (viewer: ApiUser) => {
  const res = await getResultMatches(viewer.actor, resultId);
  if (!res.ok) throw new Error("matches unavailable");
  return res.matches.map((m) => m.id);
};

/** Takes a need out of the public index (and its match companion) without telling anyone. */
async function unindexSilently(needId: string) {
  await awaitTask(getMeili().index(indexUid("needs")).deleteDocument(needId));
  await awaitTask(getMeili().index(matchIndexUid("needs")).deleteDocument(needId));
}

beforeAll(async () => {
  [company, author, researcher, broker] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("BROKER"),
  ]);
  ({ id: resultId } = await createResult(author.actor, {
    title: "低铂燃料电池催化剂",
    summary: "一种低铂载量的质子交换膜燃料电池催化剂，铂用量降低百分之六十，耐久性通过 5000 小时测试。",
    field: "氢能",
    keywords: ["燃料电池", "催化剂", "低铂"],
    trl: 5,
    transferModes: [],
  }));
  await syncResult(prisma, resultId);
  clearDfCache();
  clearResultRankings();
}, 120_000);

describe("a result's matching needs", () => {
  it("keeps the ranking per result version, and re-checks what it shows on every view", async () => {
    const needId = await publishNeed("PUBLIC");
    expect(await matchIds(researcher)).toContain(needId);

    // Gone from the index but not from the database: the kept ranking still has it.
    await unindexSilently(needId);
    expect(await matchIds(researcher)).toContain(needId);

    // Closed in the database: gone from the next view at once, ranking kept or not.
    await prisma.need.update({ where: { id: needId }, data: { status: "CLOSED" } });
    expect(await matchIds(researcher)).not.toContain(needId);
    await prisma.need.update({ where: { id: needId }, data: { status: "PUBLISHED" } });

    // The result edited: a new ranking, from the index as it is now.
    await prisma.result.update({ where: { id: resultId }, data: { version: { increment: 1 } } });
    expect(await matchIds(researcher)).not.toContain(needId);
  });

  it("keeps a broker's ranking (broker index) apart from everyone else's", async () => {
    const brokerOnly = await publishNeed("BROKER_ONLY");
    // Issue 11: only a broker acting for the owner (here: assigned) knows a BROKER_ONLY need.
    await prisma.need.update({ where: { id: brokerOnly }, data: { brokerId: broker.actor.id } });
    await prisma.result.update({ where: { id: resultId }, data: { version: { increment: 1 } } });
    expect(await matchIds(broker)).toContain(brokerOnly);
    expect(await matchIds(researcher)).not.toContain(brokerOnly);
    expect(await matchIds(company)).not.toContain(brokerOnly);
  });
});
