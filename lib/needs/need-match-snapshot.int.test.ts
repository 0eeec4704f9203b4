// The need page's matches and researchers served from the stored snapshot, against the real
// PostgreSQL and Meilisearch (records indexed through the production sync code, the snapshot
// stored by the match-need job's own code).
import { beforeAll, describe, expect, it } from "vitest";
import { runNeedMatching } from "@/lib/alerts/run-need-matching";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { saveMyExpertise } from "@/lib/expertise/expertise-profile";
import { clearDfCache } from "@/lib/matching/matcher";
import { getNeedResearchers } from "@/lib/recommend/need-researchers";
import { createResult } from "@/lib/results/create-result";
import { setResultPublished } from "@/lib/results/withdraw-result";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { createNeed } from "./create-need";
import { getNeedMatches } from "./get-need-matches";
import { NEED_SNAPSHOT, refreshNeedMatchSnapshot, saveNeedMatchSnapshot } from "./need-match-snapshot";
import { updateNeed } from "./update-need";

let company: ApiUser;
let author: ApiUser; // has the matching result
let expert: ApiUser; // has only a matching expertise profile
let farmer: ApiUser; // has an unrelated result
let resultId: string;
let riceId: string;

const NEED = {
  title: "燃料电池低铂催化剂国产化",
  description: "我们需要降低质子交换膜燃料电池催化剂的铂用量，寻求低铂催化剂技术合作，要求耐久性不低于 5000 小时。",
  field: "氢能",
  keywords: ["燃料电池", "催化剂"],
  visibility: "PUBLIC" as const,
  collaborationModes: [],
  teaserFields: [],
};

type NeedInput = Omit<typeof NEED, "visibility"> & { visibility: "PUBLIC" | "CONFIDENTIAL"; teaser?: string };

async function publishNeed(input: Partial<NeedInput> = {}): Promise<string> {
  const { id } = await createNeed(company.actor, { ...NEED, ...input });
  await syncNeed(prisma, id);
  return id;
}

const snapshotOf = (needId: string) => prisma.needMatchSnapshot.findUnique({ where: { needId } });
const matchIds = async (actor: ApiUser, needId: string) => {
  const res = await getNeedMatches(actor.actor, needId);
  if (!res.ok) throw new Error("matches unavailable");
  return res.matches.map((m) => m.id);
};

async function withMeilisearchDown<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env.MEILI_URL;
  process.env.MEILI_URL = "http://127.0.0.1:9"; // discard port: connection refused
  try {
    return await run();
  } finally {
    process.env.MEILI_URL = saved;
  }
}

beforeAll(async () => {
  [company, author, expert, farmer] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
  ]);
  await saveMyExpertise(expert.actor, {
    fields: ["Hydrogen fuel cells"],
    methods: ["proton exchange membrane testing", "catalyst synthesis"],
    equipment: ["fuel cell test bench"],
    pastProjects: "Low-platinum catalysts for PEM fuel cells",
  });
  ({ id: resultId } = await createResult(author.actor, {
    title: "低铂燃料电池催化剂",
    summary: "一种低铂载量的质子交换膜燃料电池催化剂，铂用量降低百分之六十，耐久性通过 5000 小时测试。",
    field: "氢能",
    keywords: ["燃料电池", "催化剂", "低铂"],
    trl: 5,
    transferModes: [],
  }));
  ({ id: riceId } = await createResult(farmer.actor, {
    title: "水稻抗病基因编辑育种",
    summary: "利用基因编辑技术培育抗稻瘟病水稻新品种，田间试验增产百分之十以上，可授权种业企业使用。",
    field: "农业",
    keywords: ["水稻", "基因编辑"],
    trl: 6,
    transferModes: [],
  }));
  await syncResult(prisma, resultId);
  await syncResult(prisma, riceId);
  clearDfCache();
}, 120_000);

describe("need match snapshot", () => {
  it("is stored by the match-need job and served to every view without matching again", async () => {
    const needId = await publishNeed();
    await runNeedMatching(needId);
    const stored = (await snapshotOf(needId))!;
    expect(stored.needVersion).toBe((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).version);
    expect(await matchIds(company, needId)).toContain(resultId);
    const researchers = await getNeedResearchers(company.actor, needId);
    expect(researchers.ok && researchers.researchers.map((r) => r.userId)).toEqual(expect.arrayContaining([author.actor.id, expert.actor.id]));
    expect(await matchIds(company, needId)).toContain(resultId);
    expect((await snapshotOf(needId))!.computedAt).toEqual(stored.computedAt);

    // A sentinel the matcher would never rank for this need: served as stored.
    await prisma.needMatchSnapshot.update({ where: { needId }, data: { matches: [{ ...(stored.matches as { id: string }[])[0]!, id: riceId }] } });
    expect(await matchIds(company, needId)).toEqual([riceId]);
  });

  it("matches live when more results are asked for than the snapshot holds (the REST API's limit goes to 50)", async () => {
    const needId = await publishNeed();
    await runNeedMatching(needId);
    const stored = (await snapshotOf(needId))!;
    await prisma.needMatchSnapshot.update({ where: { needId }, data: { matches: [{ ...(stored.matches as { id: string }[])[0]!, id: riceId }] } });
    const live = await getNeedMatches(company.actor, needId, 40);
    expect(live.ok && live.matches.map((m) => m.id)).toContain(resultId);
    expect(live.ok && live.matches.map((m) => m.id)).not.toContain(riceId);
  });

  it("is recomputed for the new version when the need is edited", async () => {
    const needId = await publishNeed();
    await runNeedMatching(needId);
    const before = (await snapshotOf(needId))!;
    const { version } = await updateNeed(company.actor, needId, {
      title: "水稻抗病育种合作",
      description: "寻求利用基因编辑技术培育抗稻瘟病水稻新品种的合作伙伴。",
      keywords: ["水稻", "基因编辑"],
    });
    const ids = await matchIds(company, needId);
    expect(ids).toContain(riceId);
    expect(ids).not.toContain(resultId);
    const after = (await snapshotOf(needId))!;
    expect(after.needVersion).toBe(version);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
  });

  it("is not stored over an edit made while it was computed", async () => {
    const needId = await publishNeed();
    const read = await prisma.need.findUniqueOrThrow({ where: { id: needId }, include: { chainNode: { select: { chainId: true } } } });
    await updateNeed(company.actor, needId, { description: `${NEED.description} 希望三个月内完成样品验证。` });
    await saveNeedMatchSnapshot(read, []);
    expect(await snapshotOf(needId)).toBeNull();
  });

  it("drops a result unpublished since, and shows a result's current title, at once", async () => {
    const { id: otherId } = await createResult(author.actor, {
      title: "燃料电池催化剂耐久性测试方法",
      summary: "质子交换膜燃料电池低铂催化剂的加速耐久性测试方法，5000 小时等效验证。",
      field: "氢能",
      keywords: ["燃料电池", "催化剂"],
      trl: 4,
      transferModes: [],
    });
    await syncResult(prisma, otherId);
    clearDfCache();
    const needId = await publishNeed();
    await runNeedMatching(needId);
    const stored = (await snapshotOf(needId))!;
    expect(await matchIds(company, needId)).toEqual(expect.arrayContaining([resultId, otherId]));

    await setResultPublished(author.actor, otherId, false);
    await prisma.result.update({ where: { id: resultId }, data: { title: "低铂燃料电池催化剂（第二版）", version: { increment: 1 } } });
    const res = await getNeedMatches(company.actor, needId);
    expect(res.ok && res.matches.map((m) => m.id)).not.toContain(otherId);
    expect(res.ok && res.matches.find((m) => m.id === resultId)?.title).toBe("低铂燃料电池催化剂（第二版）");
    const researchers = await getNeedResearchers(company.actor, needId);
    const byAuthor = researchers.ok ? researchers.researchers.find((r) => r.userId === author.actor.id) : undefined;
    expect(byAuthor?.results).toEqual([{ id: resultId, title: "低铂燃料电池催化剂（第二版）" }]);
    expect((await snapshotOf(needId))!.computedAt).toEqual(stored.computedAt);
  });

  it("says unavailable and stores nothing when Meilisearch is down and there is no snapshot; serves a current one", async () => {
    const needId = await publishNeed();
    const down = await withMeilisearchDown(() => Promise.all([getNeedMatches(company.actor, needId), getNeedResearchers(company.actor, needId)]));
    expect(down).toEqual([
      { ok: false, reason: "unavailable" },
      { ok: false, reason: "unavailable" },
    ]);
    expect(await snapshotOf(needId)).toBeNull();

    await runNeedMatching(needId);
    expect(await withMeilisearchDown(() => matchIds(company, needId))).toContain(resultId);
  });

  it("is never computed or served for a viewer who may not read the need in full", async () => {
    const needId = await publishNeed({
      visibility: "CONFIDENTIAL",
      teaser: "寻找燃料电池催化剂合作。",
      description: "保密：我们需要低铂质子交换膜燃料电池催化剂，耐久性不低于 5000 小时。",
    });
    await expect(getNeedMatches(author.actor, needId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNeedResearchers(author.actor, needId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotOf(needId)).toBeNull();
    await runNeedMatching(needId);
    expect(await snapshotOf(needId)).not.toBeNull();
    await expect(getNeedMatches(author.actor, needId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNeedResearchers(author.actor, needId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await matchIds(company, needId)).toContain(resultId);
  });

  it("queues exactly one refresh for repeated views of a stale snapshot, which the refresh job renews", async () => {
    const needId = await publishNeed();
    await runNeedMatching(needId);
    const key = `refresh-need-matches:${needId}`;
    const refreshJobs = async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${key}`)[0]!.n;
    await matchIds(company, needId);
    expect(await refreshJobs()).toBe(0);

    const staleAt = new Date(Date.now() - NEED_SNAPSHOT.freshForMs - 60_000);
    await prisma.needMatchSnapshot.update({ where: { needId }, data: { computedAt: staleAt } });
    for (let i = 0; i < 3; i++) {
      await Promise.all([matchIds(company, needId), getNeedResearchers(company.actor, needId)]);
    }
    expect(await refreshJobs()).toBe(1);
    expect((await snapshotOf(needId))!.computedAt).toEqual(staleAt);

    await refreshNeedMatchSnapshot(needId);
    expect((await snapshotOf(needId))!.computedAt.getTime()).toBeGreaterThan(Date.now() - NEED_SNAPSHOT.freshForMs);
  });

  it("drops a recommended researcher who is no longer a researcher", async () => {
    const needId = await publishNeed();
    await runNeedMatching(needId);
    await prisma.user.update({ where: { id: expert.actor.id }, data: { role: "COMPANY" } });
    try {
      const res = await getNeedResearchers(company.actor, needId);
      expect(res.ok && res.researchers.map((r) => r.userId)).toEqual([author.actor.id]);
    } finally {
      await prisma.user.update({ where: { id: expert.actor.id }, data: { role: "RESEARCHER" } });
    }
  });
});
