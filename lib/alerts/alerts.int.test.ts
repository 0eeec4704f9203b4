// Matching delivered to people, end to end below the UI: writes through the real services, the
// real graphile-worker processing the queue (index -> match -> notify -> email), PostgreSQL,
// Meilisearch and the mail sink. No sleeps: every wait polls for a condition.
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { saveMyExpertise } from "@/lib/expertise/expertise-profile";
import { startWorker } from "@/lib/worker/run-worker";
import { createNeed } from "@/lib/needs/create-need";
import { updateNeed } from "@/lib/needs/update-need";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { sendDigests } from "@/lib/notifications/send-digests";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { localeOfUser } from "@/lib/i18n/translator";
import { createResult } from "@/lib/results/create-result";
import { saveSearch } from "@/lib/saved-searches/saved-searches";

type Mail = { to: string[]; subject: string; text?: string };

async function mailTo(email: string): Promise<Mail[]> {
  const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(email)}`);
  return (await res.json()) as Mail[];
}

/** Waits until the queue is empty (the chain index -> match -> email ran); a failed job fails the test. */
async function drained(): Promise<void> {
  await vi.waitFor(
    async () => {
      const jobs = await prisma.$queryRaw<
        { task_identifier: string; last_error: string | null }[]
      >`SELECT task_identifier, last_error FROM graphile_worker.jobs WHERE attempts < max_attempts`;
      const failed = jobs.find((j) => j.last_error);
      if (failed) throw new Error(`job ${failed.task_identifier} failed: ${failed.last_error}`);
      if (jobs.length > 0) throw new Error(`${jobs.length} job(s) pending`);
    },
    { timeout: 45_000, interval: 200 },
  );
}

/** A user's notifications as they read them: worded in their language now. */
async function notificationsOf(userId: string, kind?: string) {
  const rows = await prisma.notification.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
  const { locale } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return wordNotifications(localeOfUser(locale), rows);
}

let worker: Runner;
let company: ApiUser;
let battery: ApiUser; // researcher with a matching result, mail immediately
let expert: ApiUser; // researcher with a matching expertise profile, daily digest
let unrelated: ApiUser; // researcher with an unrelated result
let batteryResultId: string;

const NEED = {
  title: "全固态锂电池硫化物电解质量产工艺",
  description: "我们需要一种硫化物固态电解质的低成本量产工艺，室温离子电导率不低于 5 mS/cm，能与高镍正极匹配，用于动力电池中试。",
  field: "新能源",
  keywords: ["固态电解质", "硫化物", "锂电池"],
  visibility: "PUBLIC" as const,
  collaborationModes: [],
  teaserFields: [],
};

beforeAll(async () => {
  worker = await startWorker(process.env.DATABASE_URL!, 2);
  [company, battery, expert, unrelated] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
  ]);
  await prisma.user.update({ where: { id: expert.actor.id }, data: { emailDigest: "DAILY", locale: "en" } });
  await saveMyExpertise(expert.actor, {
    fields: ["固态电池", "电解质"],
    methods: ["硫化物电解质合成", "离子电导率测试"],
    equipment: ["手套箱"],
    pastProjects: "Sulfide solid electrolytes for lithium batteries",
  });
  ({ id: batteryResultId } = await createResult(battery.actor, {
    title: "硫化物固态电解质规模化制备",
    summary: "一种低成本硫化物固态电解质的规模化合成方法，室温离子电导率达到 6 mS/cm，适用于全固态锂电池，已完成公斤级验证。",
    field: "新能源",
    keywords: ["固态电解质", "硫化物", "锂电池"],
    trl: 5,
    transferModes: [],
  }));
  await createResult(unrelated.actor, {
    title: "水稻抗病基因编辑育种",
    summary: "利用基因编辑技术培育抗稻瘟病水稻新品种，田间试验增产百分之十以上，可授权种业企业使用。",
    field: "农业",
    keywords: ["水稻", "基因编辑"],
    trl: 6,
    transferModes: [],
  });
  await drained();
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

describe("a published need reaches the right people", () => {
  let needId: string;

  beforeAll(async () => {
    ({ id: needId } = await createNeed(company.actor, NEED));
    await drained();
  }, 60_000);

  it("notifies the researcher whose result matches, in-app and by email, with a link to the need", async () => {
    const [n] = await notificationsOf(battery.actor.id, "need-match");
    expect(n).toMatchObject({ title: `新需求与您匹配：${NEED.title}`, link: `/needs/${needId}`, dedupeKey: `need:${needId}` });
    expect(n!.body).toContain("硫化物固态电解质规模化制备");
    expect(n!.emailedAt).not.toBeNull();
    const mails = await mailTo(battery.actor.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`技术桥：新需求与您匹配：${NEED.title}`);
    expect(mails[0]!.text).toContain(`/zh-CN/notifications/${n!.id}/open`);
  });

  it("notifies the researcher whose expertise matches in their language, by digest only", async () => {
    const [n] = await notificationsOf(expert.actor.id, "need-match");
    expect(n).toMatchObject({ title: `New need for you: ${NEED.title}`, emailedAt: null });
    expect(n!.body).toContain("expertise profile");
    expect(await mailTo(expert.actor.email)).toEqual([]);
  });

  it("leaves the unrelated researcher alone and tells the company which result fits", async () => {
    expect(await notificationsOf(unrelated.actor.id)).toEqual([]);
    const forCompany = await notificationsOf(company.actor.id, "result-match");
    expect(forCompany.map((n) => n.dedupeKey)).toEqual([`result:${needId}:${batteryResultId}`]);
  });

  it("leaves the need's match snapshot for the need page, renewed when the need changes", async () => {
    const snapshot = async () => prisma.needMatchSnapshot.findUniqueOrThrow({ where: { needId } });
    const first = await snapshot();
    expect(first.needVersion).toBe((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).version);
    expect((first.matches as { id: string }[]).map((m) => m.id)).toContain(batteryResultId);
    const { version } = await updateNeed(company.actor, needId, { keywords: [...NEED.keywords, "中试"] });
    await drained();
    expect((await snapshot()).needVersion).toBe(version);
  });

  it("does not notify anyone twice when the need is changed and matched again", async () => {
    const before = await prisma.notification.count({ where: { dedupeKey: { contains: needId } } });
    await updateNeed(company.actor, needId, { description: `${NEED.description} 希望三个月内完成样品验证。` });
    await drained();
    expect(await prisma.notification.count({ where: { dedupeKey: { contains: needId } } })).toBe(before);
    expect(await notificationsOf(battery.actor.id, "need-match")).toHaveLength(1);
    expect(await mailTo(battery.actor.email)).toHaveLength(1);
  });

  it("sends the daily digest once, then nothing more", async () => {
    const first = await sendDigests("DAILY");
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mails = await mailTo(expert.actor.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^TechBridge daily digest: 1 new notification$/);
    expect(mails[0]!.text).toContain(NEED.title);
    await sendDigests("DAILY");
    expect(await mailTo(expert.actor.email)).toHaveLength(1);
    expect((await notificationsOf(expert.actor.id, "need-match"))[0]!.emailedAt).not.toBeNull();
  });
});

describe("confidential and broker-only needs", () => {
  const SECRET = "客户为某头部车企的固态电池项目";

  it("tell researchers only the teaser of a CONFIDENTIAL need, in-app and by email", async () => {
    const { id } = await createNeed(company.actor, {
      ...NEED,
      title: "硫化物固态电解质合作开发（保密）",
      visibility: "CONFIDENTIAL",
      teaser: "寻求硫化物固态电解质与锂电池方面的合作伙伴",
      description: `${SECRET}，需要硫化物固态电解质的量产工艺与界面改性方案，室温离子电导率不低于 5 mS/cm。`,
    });
    await drained();
    const [n] = (await notificationsOf(battery.actor.id, "need-match")).filter((x) => x.link === `/needs/${id}`);
    expect(n).toBeDefined();
    expect(n!.body).toContain("寻求硫化物固态电解质与锂电池方面的合作伙伴");
    const mails = await mailTo(battery.actor.email);
    const mail = mails.find((m) => m.text?.includes(n!.id));
    expect(mail).toBeDefined();
    for (const text of [n!.title, n!.body, mail!.subject, mail!.text ?? ""]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("界面改性");
    }
  });

  it("never tell researchers about a BROKER_ONLY need, but still tell its owner about fitting results", async () => {
    const { id } = await createNeed(company.actor, { ...NEED, title: "硫化物电解质内部评估（仅经纪人）", visibility: "BROKER_ONLY" });
    await drained();
    for (const r of [battery, expert, unrelated]) {
      expect((await notificationsOf(r.actor.id)).filter((n) => n.link === `/needs/${id}`)).toEqual([]);
    }
    expect((await notificationsOf(company.actor.id, "result-match")).map((n) => n.dedupeKey)).toContain(`result:${id}:${batteryResultId}`);
  });
});

describe("a published result reaches the people whose needs want it", () => {
  it("tells the result's author about visible matching needs and the need owners about the result", async () => {
    const newcomer = await createApiUser("RESEARCHER");
    const { id: resultId } = await createResult(newcomer.actor, {
      title: "高镍正极兼容的硫化物电解质界面包覆",
      summary: "通过界面包覆提高硫化物固态电解质与高镍正极的兼容性，锂电池循环寿命提升一倍，适合量产导入。",
      field: "新能源",
      keywords: ["硫化物", "固态电解质", "锂电池"],
      trl: 4,
      transferModes: [],
    });
    await drained();
    const forAuthor = await notificationsOf(newcomer.actor.id, "need-match");
    expect(forAuthor.length).toBeGreaterThanOrEqual(1);
    // The broker-only need is never among them; the confidential one only by its teaser.
    const needs = await prisma.need.findMany({ where: { id: { in: forAuthor.map((n) => n.link!.split("/")[2]!) } }, select: { visibility: true } });
    expect(needs.map((n) => n.visibility)).not.toContain("BROKER_ONLY");
    const forOwner = await prisma.notification.findMany({ where: { userId: company.actor.id, dedupeKey: { endsWith: `:${resultId}` } } });
    expect(forOwner.length).toBeGreaterThanOrEqual(1);
    expect(forOwner[0]!.link).toBe(`/results/${resultId}`);
  });
});

describe("saved searches", () => {
  it("alert their owner once about a new hit published after saving", async () => {
    const watcher = await createApiUser("RESEARCHER");
    const { id: searchId } = await saveSearch(watcher.actor, { name: "钠离子", q: "钠离子电池", type: "needs" });
    const { id: needId } = await createNeed(company.actor, {
      ...NEED,
      title: "钠离子电池正极材料",
      description: "寻求低成本钠离子电池层状氧化物正极材料，循环 2000 次容量保持率 80% 以上，用于储能电站。",
      keywords: ["钠离子电池", "正极"],
    });
    await drained();
    const alerts = await notificationsOf(watcher.actor.id, "saved-search");
    expect(alerts.map((a) => a.dedupeKey)).toEqual([`saved:${searchId}:${needId}`]);
    expect(alerts[0]!.title).toBe("「钠离子」有新内容：钠离子电池正极材料");
  });
});

describe("notifications are unique per user and subject", () => {
  it("skips a second notification with the same dedupe key, and the database refuses one too", async () => {
    const notice = {
      userId: unrelated.actor.id,
      kind: "need-match" as const,
      params: { need: "t", result: "none", teaser: "none", field: "f" },
      link: "/needs/x",
      dedupeKey: "need:dedupe-test",
    };
    expect(await createNotifications([notice])).toHaveLength(1);
    expect(await createNotifications([notice, notice])).toEqual([]);
    await expect(prisma.notification.create({ data: notice })).rejects.toThrow();
    expect(await prisma.notification.count({ where: { userId: unrelated.actor.id, dedupeKey: "need:dedupe-test" } })).toBe(1);
  });
});
