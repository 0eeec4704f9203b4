// Recommendations, feedback and notification reading against the real PostgreSQL and Meilisearch
// (records indexed through the production sync code).
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { saveMyExpertise, getMyExpertise } from "@/lib/expertise/expertise-profile";
import { feedbackSummaryFor, myFeedbackFor, submitMatchFeedback } from "@/lib/feedback/match-feedback";
import { createNeed } from "@/lib/needs/create-need";
import { createNotifications } from "@/lib/notifications/create-notifications";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  openNotification,
} from "@/lib/notifications/read-notifications";
import { createResult } from "@/lib/results/create-result";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { listBrokerCandidates } from "./broker-candidates";
import { getNeedResearchers } from "./need-researchers";
import { getResearcherDashboard } from "./researcher-dashboard";

let company: ApiUser;
let author: ApiUser; // has a matching result
let expert: ApiUser; // has only a matching expertise profile
let broker: ApiUser;
let needId: string;
let brokerOnlyId: string;
let resultId: string;

beforeAll(async () => {
  [company, author, expert, broker] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("BROKER"),
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
  ({ id: needId } = await createNeed(company.actor, {
    title: "燃料电池低铂催化剂国产化",
    description: "我们需要降低质子交换膜燃料电池催化剂的铂用量，寻求低铂催化剂技术合作，要求耐久性不低于 5000 小时。",
    field: "氢能",
    keywords: ["燃料电池", "催化剂"],
    visibility: "PUBLIC",
    collaborationModes: [],
    teaserFields: [],
  }));
  ({ id: brokerOnlyId } = await createNeed(company.actor, {
    title: "燃料电池催化剂内部评估",
    description: "仅经纪人可见：评估燃料电池低铂催化剂的供应商，铂用量与耐久性是关键。",
    field: "氢能",
    keywords: ["燃料电池", "催化剂"],
    visibility: "BROKER_ONLY",
    collaborationModes: [],
    teaserFields: [],
  }));
  await syncResult(prisma, resultId);
  await syncNeed(prisma, needId);
  // Issue 11: a BROKER_ONLY need reaches the broker it is assigned to (not every broker).
  await prisma.need.update({ where: { id: brokerOnlyId }, data: { brokerId: broker.actor.id } });
  await syncNeed(prisma, brokerOnlyId);
}, 120_000);

describe("recommendations", () => {
  it("recommend, for a need, the author of a matching result and the researcher with matching expertise (across languages)", async () => {
    const res = await getNeedResearchers(company.actor, needId);
    expect(res.ok).toBe(true);
    const ids = res.ok ? res.researchers.map((r) => r.userId) : [];
    expect(ids).toEqual(expect.arrayContaining([author.actor.id, expert.actor.id]));
    const a = res.ok ? res.researchers.find((r) => r.userId === author.actor.id)! : null;
    expect(a!.results.map((r) => r.id)).toContain(resultId);
    expect(a!.organisationName).toBeTruthy();
  });

  it("recommend researchers for a confidential need to its owner, and to no one who reads only its teaser", async () => {
    const { id: confidentialId } = await createNeed(company.actor, {
      title: "燃料电池催化剂保密需求",
      teaser: "寻找燃料电池催化剂合作。",
      description: "保密：我们需要低铂质子交换膜燃料电池催化剂，耐久性不低于 5000 小时。",
      field: "氢能",
      keywords: ["燃料电池", "催化剂"],
      visibility: "CONFIDENTIAL",
      collaborationModes: [],
      teaserFields: [],
    });
    await syncNeed(prisma, confidentialId);
    const res = await getNeedResearchers(company.actor, confidentialId);
    expect(res.ok).toBe(true);
    await expect(getNeedResearchers(author.actor, confidentialId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("show a researcher the needs matching their results and expertise, never a broker-only one", async () => {
    const d = await getResearcherDashboard(author.actor);
    expect(d.unavailable).toBe(false);
    expect(d.fromResults.map((m) => m.id)).toContain(needId);
    expect(d.fromResults.map((m) => m.id)).not.toContain(brokerOnlyId);
    expect(d.fromResults.find((m) => m.id === needId)!.viaResults.map((r) => r.id)).toEqual([resultId]);
    const e = await getResearcherDashboard(expert.actor);
    expect(e.hasProfile).toBe(true);
    expect(e.fromExpertise.map((m) => m.id)).toContain(needId);
    await expect(getResearcherDashboard(company.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("give brokers the queue of new needs with candidates and everyone's feedback", async () => {
    await submitMatchFeedback(company.actor, { needId, resultId, useful: false, reason: "TRL_TOO_EARLY" });
    await submitMatchFeedback(author.actor, { needId, resultId, useful: true });
    const { items } = await listBrokerCandidates(broker.actor);
    const entry = items.find((i) => i.need.id === needId)!;
    expect(entry.results.map((r) => r.id)).toContain(resultId);
    expect(entry.results.find((r) => r.id === resultId)!.feedback).toEqual({ useful: 1, notUseful: 1, reasons: { TRL_TOO_EARLY: 1 } });
    expect(items.map((i) => i.need.id)).toContain(brokerOnlyId);
    await expect(listBrokerCandidates(author.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("match feedback", () => {
  it("keeps one verdict per user and pair, changeable", async () => {
    await submitMatchFeedback(expert.actor, { needId, resultId, useful: false, reason: "OFF_TOPIC" });
    await submitMatchFeedback(expert.actor, { needId, resultId, useful: false, reason: "ALREADY_KNOWN" });
    const mine = await myFeedbackFor(expert.actor, [{ needId, resultId }]);
    expect(mine.get(`${needId}:${resultId}`)).toEqual({ useful: false, reason: "ALREADY_KNOWN" });
    expect(await prisma.matchFeedback.count({ where: { needId, resultId, userId: expert.actor.id } })).toBe(1);
    const summary = await feedbackSummaryFor(broker.actor, [needId]);
    expect(summary.get(`${needId}:${resultId}`)!.reasons).toMatchObject({ ALREADY_KNOWN: 1 });
  });

  it("refuses feedback on a need the user may not see", async () => {
    await expect(submitMatchFeedback(author.actor, { needId: brokerOnlyId, resultId, useful: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitMatchFeedback(null, { needId, resultId, useful: true })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("expertise profile", () => {
  it("is the researcher's own and only researchers have one", async () => {
    expect((await getMyExpertise(expert.actor)).fields).toEqual(["Hydrogen fuel cells"]);
    expect((await getMyExpertise(author.actor)).updatedAt).toBeNull();
    await expect(saveMyExpertise(company.actor, { fields: ["x"], methods: [], equipment: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("reading notifications", () => {
  it("counts unread, marks read, opens to the subject, and hides other users' notifications", async () => {
    const reader = await createApiUser("RESEARCHER");
    const [a, b] = await createNotifications([
      {
        userId: reader.actor.id,
        kind: "need-match",
        params: { need: "A", result: "none", teaser: "none", field: "f" },
        link: `/needs/${needId}`,
        dedupeKey: "need:read-a",
      },
      {
        userId: reader.actor.id,
        kind: "need-match",
        params: { need: "B", result: "none", teaser: "none", field: "f" },
        link: "javascript:alert(1)",
        dedupeKey: "need:read-b",
      },
    ]);
    expect(await countUnreadNotifications(reader.actor)).toBe(2);
    await expect(markNotificationRead(author.actor, a!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openNotification(author.actor, a!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await openNotification(reader.actor, a!.id)).toBe(`/needs/${needId}`);
    expect(await openNotification(reader.actor, b!.id)).toBe("/notifications");
    const list = await listNotifications(reader.actor);
    expect(list.items.map((n) => [(n.params as { need: string }).need, n.read]).sort()).toEqual([
      ["A", true],
      ["B", true],
    ]);
    expect(list.unread).toBe(0);
    await createNotifications([
      {
        userId: reader.actor.id,
        kind: "need-match",
        params: { need: "C", result: "none", teaser: "none", field: "f" },
        link: "/needs/c",
        dedupeKey: "need:read-c",
      },
    ]);
    expect(await countUnreadNotifications(reader.actor)).toBe(1);
    expect(await markAllNotificationsRead(reader.actor)).toBe(1);
    expect(await countUnreadNotifications(reader.actor)).toBe(0);
  });
});
