// Challenges (揭榜挂帅, issue 15) against the real database: the life cycle through the services
// (every move via the one write point, with its event row), illegal moves and stale versions as
// 409s, conflict-of-interest rules, weighted score aggregation, and the deadline sweeps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { runJobs } from "@/tests/kits/access-test-kit";
import { applyToChallenge, withdrawApplication, shortlistApplication } from "./applications";
import { awardChallenge } from "./award";
import { runChallengeDeadlines } from "./deadlines";
import { addPanelMember, createChallenge, createChallengeDraft, moveChallenge, updateChallenge } from "./manage-challenge";
import { decideMilestone, getProject, recordMilestonePayment, submitMilestone } from "./milestones";
import { acceptChallengeNda } from "./nda";
import { recordChallengeOutcome } from "./outcome";
import { getApplicationView, getChallengeView, listChallenges } from "./queries";
import { declareConflict, getReviewBoard, getScoreBoard, scoreApplication } from "./review";
import { applySchema, challengeInputSchema } from "./schemas";
import { searchChallengeIds } from "./search-index";
import { getChallengeCounts } from "./metrics";

const DAY = 86_400_000;
let sponsor: ApiUser, solverA: ApiUser, solverB: ApiUser, teammate: ApiUser, expert1: ApiUser, expert2: ApiUser, outsider: ApiUser, broker: ApiUser;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return `${e.status}${e.key ? ` ${e.key}` : ""}`;
    throw e;
  }
}

export const challengeBody = (over: Record<string, unknown> = {}) =>
  challengeInputSchema.parse({
    title: "零下二十度 15 分钟快充电解液",
    teaser: "面向北方市场的动力电池低温快充电解液配方攻关",
    problem: "在 -20°C 环境下实现 15 分钟充电至 80% SOC，且 1000 次循环容量保持率不低于 85%。现有配方低温析锂严重。",
    field: "新能源",
    keywords: ["电解液", "低温快充"],
    region: "深圳",
    indicators: "充电时间 | -20°C 下 ≤15 分钟至 80% SOC | 第三方检测报告\n循环寿命 | 1000 次后容量保持率 ≥85% | 发榜方实验室复测",
    bountyTotalCny: 3_000_000,
    milestoneSplit: "配方小样 | 40\n中试验证 | 60",
    applicationDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
    durationMonths: 12,
    criteria: "技术路线 | 50\n团队能力 | 30\n预算合理性 | 20",
    ...over,
  });

const applyBody = (over: Record<string, unknown> = {}) =>
  applySchema.parse({
    approach: "采用新型锂盐与氟代溶剂体系，结合界面成膜添加剂抑制低温析锂，已有小样数据支撑。",
    planMilestones: [
      { title: "配方小样", deliverables: "3 款配方与扣电数据", dueAt: new Date(Date.now() + 90 * DAY).toISOString(), amountCny: 1_200_000 },
      { title: "中试验证", deliverables: "软包电芯 20 只与检测报告", dueAt: new Date(Date.now() + 300 * DAY).toISOString(), amountCny: 1_800_000 },
    ],
    budgetCny: 3_000_000,
    ...over,
  });

beforeAll(async () => {
  [sponsor, solverA, solverB, teammate, expert1, expert2, outsider, broker] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("BROKER"),
  ]);
}, 60_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("challenge life cycle", () => {
  it("runs from publication to outcome, every move an event, illegal and stale moves 409", async () => {
    const { id, version: v1 } = await createChallenge(sponsor.actor, challengeBody());
    // Anonymous and other users do not see a draft.
    expect(await code(getChallengeView(null, id))).toBe("401");
    expect(await code(getChallengeView(outsider.actor, id))).toBe("404");
    // Illegal: a draft cannot go to review; stale version.
    expect(await code(moveChallenge(sponsor.actor, id, { to: "REVIEW", version: v1 }))).toBe("409 challenges.move.notAllowed");
    expect(await code(moveChallenge(sponsor.actor, id, { to: "OPEN", version: v1 + 5 }))).toBe("409 challenges.staleVersion");
    expect(await code(moveChallenge(solverA.actor, id, { to: "OPEN", version: v1 }))).toBe("404");
    const { version: v2 } = await moveChallenge(sponsor.actor, id, { to: "OPEN", version: v1 });
    // Public now: anonymous visitors see it, with the count of applications only.
    const open = await getChallengeView(null, id);
    expect(open).toMatchObject({ status: "OPEN", access: "full", applicationCount: 0 });

    await addPanelMember(sponsor.actor, id, expert1.actor.email);
    await addPanelMember(sponsor.actor, id, expert2.actor.email);
    // Panel members cannot apply.
    expect(await code(applyToChallenge(expert1.actor, id, applyBody()))).toBe("403");
    const a = await applyToChallenge(solverA.actor, id, applyBody({ teamEmails: [teammate.actor.email] }));
    const b = await applyToChallenge(solverB.actor, id, applyBody({ budgetCny: 2_500_000 }));
    expect(await code(applyToChallenge(solverA.actor, id, applyBody()))).toBe("409 challenges.alreadyApplied");
    expect((await getChallengeView(null, id)).applicationCount).toBe(2);
    // Applications are confidential: outsider 404, team member reads, panel reads.
    expect(await code(getApplicationView(outsider.actor, a.id))).toBe("404");
    expect(await code(getApplicationView(broker.actor, a.id))).toBe("404");
    expect((await getApplicationView(teammate.actor, a.id)).approach).toContain("锂盐");
    expect(await code(getApplicationView(expert1.actor, a.id))).toBe("ok");
    // Withdraw is the applicant's, before the deadline; a team member cannot.
    expect(await code(withdrawApplication(teammate.actor, a.id, a.version))).toBe("403");

    // Scoring only in review.
    expect(await code(scoreApplication(expert1.actor, a.id, { scores: [{ criterionKey: "k1", score: 8 }] }))).toBe("409 challenges.notInReview");
    const { version: v3 } = await moveChallenge(sponsor.actor, id, { to: "REVIEW", version: v2 });
    // After the deadline (closed), withdrawing is refused by the guard.
    expect(await code(withdrawApplication(solverA.actor, a.id, a.version))).toBe("409 challenges.guard.beforeDeadline");

    // expert2 declares a conflict on A: cannot see or score it any more; its earlier scores go.
    await scoreApplication(expert2.actor, a.id, { scores: [{ criterionKey: "k1", score: 2 }] });
    await declareConflict(expert2.actor, a.id, "曾与申请人合作");
    expect(await code(getApplicationView(expert2.actor, a.id))).toBe("404");
    expect(await code(scoreApplication(expert2.actor, a.id, { scores: [{ criterionKey: "k1", score: 9 }] }))).toBe("404");
    expect((await getReviewBoard(expert2.actor, id)).items.map((i) => i.id)).toEqual([b.id]);
    expect((await getReviewBoard(expert2.actor, id)).conflicted).toEqual([a.id]);
    expect(await prisma.challengeScore.count({ where: { applicationId: a.id } })).toBe(0);

    const full = (x: number, y: number, z: number) => [
      { criterionKey: "k1", score: x, comment: "路线清晰" },
      { criterionKey: "k2", score: y },
      { criterionKey: "k3", score: z },
    ];
    await scoreApplication(expert1.actor, a.id, { scores: full(9, 8, 7) }); // 45 + 24 + 14 = 83
    await scoreApplication(expert1.actor, b.id, { scores: full(6, 6, 8) }); // 30 + 18 + 16 = 64
    await scoreApplication(expert2.actor, b.id, { scores: full(8, 8, 8) }); // 80
    expect(await code(scoreApplication(outsider.actor, b.id, { scores: full(1, 1, 1) }))).toBe("404");
    expect(await code(getScoreBoard(expert1.actor, id))).toBe("403");
    const board = await getScoreBoard(sponsor.actor, id);
    expect(board.items.map((i) => [i.id, i.score, i.experts, i.spread?.range])).toEqual([
      [a.id, 83, 1, 0],
      [b.id, 72, 2, 16],
    ]);
    expect(board.panel.find((p) => p.conflicts.includes(a.id))).toBeDefined();

    await shortlistApplication(sponsor.actor, a.id, a.version, true);
    // The award needs a reason for every other application.
    expect(await code(awardChallenge(sponsor.actor, id, { version: v3, awards: [{ applicationId: a.id, reason: "综合得分最高" }], others: [] }))).toBe(
      "422 challenges.reasonsForOthers",
    );
    await awardChallenge(sponsor.actor, id, {
      version: v3,
      awards: [{ applicationId: a.id, reason: "综合得分最高" }],
      others: [{ applicationId: b.id, reason: "预算与路线不及第一名" }],
    });
    expect((await getApplicationView(solverB.actor, b.id)).decisionReason).toBe("预算与路线不及第一名");
    expect(await prisma.notification.count({ where: { userId: solverB.actor.id, kind: "challenge.notSelected" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: teammate.actor.id, kind: "challenge.awarded" } })).toBe(1);

    // Milestones: the second one is rejected, then resubmitted and accepted; completion follows.
    const project = await getProject(teammate.actor, a.id);
    expect(project.milestones.map((m) => [m.seq, m.status])).toEqual([
      [1, "PENDING"],
      [2, "PENDING"],
    ]);
    const [m1, m2] = project.milestones as [(typeof project.milestones)[0], (typeof project.milestones)[0]];
    expect(await code(decideMilestone(sponsor.actor, m1.id, { version: m1.version, accept: true }))).toBe("409 challenges.move.notAllowed");
    expect(await code(submitMilestone(outsider.actor, m1.id, m1.version, "小样"))).toBe("404");
    let mv = (await submitMilestone(teammate.actor, m1.id, m1.version, "3 款配方数据见附件")).version;
    expect(await code(decideMilestone(solverA.actor, m1.id, { version: mv, accept: true }))).toBe("403");
    mv = (await decideMilestone(expert1.actor, m1.id, { version: mv, accept: true })).version;
    await recordMilestonePayment(sponsor.actor, m1.id, { version: mv, amountCny: 1_200_000 });
    let v = (await submitMilestone(solverA.actor, m2.id, m2.version, "中试数据")).version;
    expect(await code(decideMilestone(sponsor.actor, m2.id, { version: v, accept: false }))).toBe("422 challenges.guard.reason");
    v = (await decideMilestone(sponsor.actor, m2.id, { version: v, accept: false, reason: "循环寿命数据不足 1000 次" })).version;
    v = (await submitMilestone(solverA.actor, m2.id, v, "补充 1000 次循环数据")).version;
    const done = await decideMilestone(sponsor.actor, m2.id, { version: v, accept: true });
    expect(done.challengeCompleted).toBe(true);

    await recordChallengeOutcome(sponsor.actor, id, {
      monthsAfter: 0,
      indicatorsReached: [
        { key: "k1", measured: "14 分钟", reached: true },
        { key: "k2", measured: "87%", reached: true },
      ],
      products: "低温快充电解液 LT-15",
      patentsFiled: 2,
      revenueCny: 0,
      followOnContracts: 1,
      contractRegistrationNo: "2026440300012345",
    });
    const finished = await getChallengeView(null, id);
    expect(finished).toMatchObject({ status: "COMPLETED", applicationCount: 2 });
    expect(finished.details?.outcomes[0]).toMatchObject({ contractRegistrationNo: "2026440300012345", patentsFiled: 2 });

    const events = await prisma.challengeEvent.findMany({ where: { challengeId: id, machine: "challenge" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.toState)).toEqual(["DRAFT", "OPEN", "REVIEW", "AWARDED", "COMPLETED", "COMPLETED"]);
    const msEvents = await prisma.challengeEvent.findMany({ where: { subjectId: m2.id }, orderBy: { at: "asc" } });
    expect(msEvents.map((e) => `${e.fromState}->${e.toState}`)).toEqual([
      "PENDING->SUBMITTED",
      "SUBMITTED->REJECTED",
      "REJECTED->SUBMITTED",
      "SUBMITTED->ACCEPTED",
    ]);
  }, 120_000);

  it("keeps a confidential challenge's details behind the NDA; applying needs it", async () => {
    const { id, version } = await createChallenge(sponsor.actor, challengeBody({ visibility: "CONFIDENTIAL", title: "保密榜单 高镍正极包覆" }));
    await moveChallenge(sponsor.actor, id, { to: "OPEN", version });
    expect((await getChallengeView(null, id)).details).toBeNull();
    expect((await getChallengeView(outsider.actor, id)).access).toBe("teaser");
    expect(await code(applyToChallenge(outsider.actor, id, applyBody()))).toBe("403");
    await acceptChallengeNda(outsider.actor, id, "203.0.113.7");
    expect((await getChallengeView(outsider.actor, id)).details?.problem).toContain("析锂");
    expect(await code(applyToChallenge(outsider.actor, id, applyBody()))).toBe("ok");
    expect(await prisma.auditLog.count({ where: { subject: `challenge:${id}`, action: "challenge.ndaAccept" } })).toBe(1);
  }, 60_000);

  it("lets a broker draft for a company, which publishes it; a monitor draft needs completing first", async () => {
    const { id, version } = await createChallenge(broker.actor, challengeBody({ sponsorOrganisationId: sponsor.organisationId }));
    expect(await code(moveChallenge(broker.actor, id, { to: "OPEN", version }))).toBe("403");
    const v2 = (await updateChallenge(broker.actor, id, version, challengeBody({ sponsorOrganisationId: sponsor.organisationId, title: "经纪人起草的榜单" })))
      .version;
    await moveChallenge(sponsor.actor, id, { to: "OPEN", version: v2 });
    const draft = await createChallengeDraft(sponsor.actor, { title: "重点项目：碳化硅衬底缺陷检测", problem: "链长办重点项目清单条目" });
    expect(await code(moveChallenge(sponsor.actor, draft.id, { to: "OPEN", version: draft.version }))).toBe("422 challenges.incomplete");
  }, 60_000);
});

describe("challenge deadlines", () => {
  it("closes calls at the deadline, reminds and flags late milestones once, reminds the 12-month outcome", async () => {
    const { id, version } = await createChallenge(sponsor.actor, challengeBody({ applicationDeadline: new Date(Date.now() + 2 * DAY).toISOString() }));
    await moveChallenge(sponsor.actor, id, { to: "OPEN", version });
    const app = await applyToChallenge(solverA.actor, id, applyBody());
    const before = await runChallengeDeadlines(prisma, new Date(Date.now() + DAY));
    expect((await prisma.challenge.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    expect(before.callsClosed).toBe(0);
    const after = await runChallengeDeadlines(prisma, new Date(Date.now() + 3 * DAY));
    expect(after.callsClosed).toBeGreaterThanOrEqual(1);
    const closed = await prisma.challenge.findUniqueOrThrow({ where: { id } });
    expect(closed.status).toBe("REVIEW");
    expect(await prisma.challengeEvent.count({ where: { subjectId: id, toState: "REVIEW", actorId: null } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: solverA.actor.id, dedupeKey: `challenge:${id}:closed` } })).toBe(1);

    await awardChallenge(sponsor.actor, id, { version: closed.version, awards: [{ applicationId: app.id, reason: "唯一申请" }], others: [] });
    const first = await prisma.challengeMilestone.findFirstOrThrow({ where: { applicationId: app.id, seq: 1 } });
    await runChallengeDeadlines(prisma, new Date(first.dueAt.getTime() - 3 * DAY));
    expect(await prisma.notification.count({ where: { userId: solverA.actor.id, dedupeKey: `challenge-ms:${first.id}:due` } })).toBe(1);
    const late1 = await runChallengeDeadlines(prisma, new Date(first.dueAt.getTime() + DAY));
    const late2 = await runChallengeDeadlines(prisma, new Date(first.dueAt.getTime() + 2 * DAY));
    expect(late1.lateMilestones).toBeGreaterThanOrEqual(1);
    expect(await prisma.notification.count({ where: { userId: sponsor.actor.id, dedupeKey: `challenge-ms:${first.id}:late` } })).toBe(1);
    expect(late2.lateMilestones).toBe(0);
    expect((await getProject(solverA.actor, app.id)).milestones[0]!.late).toBe(true);

    // Completed 13 months ago without the 12-month evaluation: the sponsor is reminded once.
    await prisma.challenge.update({ where: { id }, data: { status: "COMPLETED", completedAt: new Date(Date.now() - 400 * DAY) } });
    await runChallengeDeadlines(prisma, new Date());
    await runChallengeDeadlines(prisma, new Date());
    expect(await prisma.notification.count({ where: { userId: sponsor.actor.id, dedupeKey: `challenge:${id}:outcome12` } })).toBe(1);
  }, 120_000);
});

describe("challenge listing and search", () => {
  it("filters by bounty band and deadline, finds by text, never indexes a confidential problem", async () => {
    const big = await createChallenge(sponsor.actor, challengeBody({ title: "千万级榜单 氢燃料电池催化剂", bountyTotalCny: 12_000_000 }));
    await moveChallenge(sponsor.actor, big.id, { to: "OPEN", version: big.version });
    const secret = await createChallenge(
      sponsor.actor,
      challengeBody({ title: "保密催化剂榜单", visibility: "CONFIDENTIAL", problem: "绝密配方金丝雀 CANARYZX 需要保护的完整问题描述" }),
    );
    await moveChallenge(sponsor.actor, secret.id, { to: "OPEN", version: secret.version });
    const bands = await listChallenges(null, { bounty: "gte10m" });
    expect(bands.items.map((i) => i.id)).toContain(big.id);
    expect(bands.items.every((i) => i.bountyTotalCny >= 10_000_000)).toBe(true);
    expect((await listChallenges(null, { deadlineWithinDays: 7 })).items.map((i) => i.id)).not.toContain(big.id);
    await runJobs(["index-challenge"]);
    expect(await searchChallengeIds("氢燃料电池")).toContain(big.id);
    expect(await searchChallengeIds("CANARYZX")).toEqual([]);
    expect(JSON.stringify(await listChallenges(null, {}))).not.toContain("CANARYZX");
  }, 120_000);
});

describe("challenge counts beside needs and deals", () => {
  it("counts published challenges by stage for staff and analysts only", async () => {
    const admin = await createApiUser("ADMIN");
    const counts = await getChallengeCounts(admin.actor, "analytics.read");
    expect(counts.byStatus.COMPLETED).toBeGreaterThanOrEqual(1);
    expect(counts.applications).toBeGreaterThanOrEqual(2);
    expect(await code(getChallengeCounts(outsider.actor, "analytics.read"))).toBe("403");
    expect(await code(getChallengeCounts(broker.actor, "metrics.read"))).toBe("ok");
  });
});
