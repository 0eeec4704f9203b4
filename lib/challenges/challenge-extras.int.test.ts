// Challenges (issue 15), the rest: questions to shortlisted applicants, files on applications and
// milestone deliverables, panel editing before the award, and matching (stored matches, who is
// told on publication, "challenges for you").
import { beforeAll, describe, expect, it } from "vitest";
import { getAttachment } from "@/lib/attachments/attachments";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { clearDfCache } from "@/lib/matching/matcher";
import { refreshMatchesForResult } from "@/lib/matching/subject-kinds";
import { createResult } from "@/lib/results/create-result";
import { syncResult } from "@/lib/search/sync";
import { runJobs } from "@/tests/kits/access-test-kit";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { MINIMAL_PDF, PNG_1X1 } from "@/tests/kits/file-bytes";
import { applyToChallenge, shortlistApplication } from "./applications";
import { addApplicationAttachments } from "./attachments";
import { awardChallenge } from "./award";
import { addPanelMember, createChallenge, moveChallenge, removePanelMember } from "./manage-challenge";
import { challengesForYou, getChallengeMatches, matchedRecipients, runChallengeMatching } from "./matches";
import { getProject, submitMilestone } from "./milestones";
import { answerQuestion, askQuestion } from "./questions";
import { getApplicationView, getChallengeView } from "./queries";
import { declareConflict, scoreApplication } from "./review";
import { applySchema, challengeInputSchema } from "./schemas";

const DAY = 86_400_000;
const PNG = PNG_1X1;
const PDF = MINIMAL_PDF;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return `${e.status}${e.key ? ` ${e.key}` : ""}`;
    throw e;
  }
}

const body = (over: Record<string, unknown> = {}) =>
  challengeInputSchema.parse({
    title: "低铂燃料电池催化剂揭榜",
    teaser: "质子交换膜燃料电池低铂催化剂，铂用量降低一半以上，耐久性 5000 小时",
    problem: "现有燃料电池催化剂铂载量高、成本高，需要低铂载量且耐久性达标的催化剂方案。",
    field: "氢能",
    keywords: ["燃料电池", "催化剂", "低铂"],
    indicators: "铂载量 | ≤0.2 mg/cm² | 第三方检测",
    bountyTotalCny: 2_000_000,
    milestoneSplit: "小样 | 50\n中试 | 50",
    applicationDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
    durationMonths: 12,
    criteria: "技术 | 60\n团队 | 40",
    blindReview: true,
    ...over,
  });
const apply = () =>
  applySchema.parse({
    approach: "采用核壳结构铂钴合金催化剂，降低铂载量并通过碳载体改性提升耐久性。",
    planMilestones: [
      { title: "小样", deliverables: "催化剂小样与测试报告", dueAt: new Date(Date.now() + 60 * DAY).toISOString(), amountCny: 1_000_000 },
      { title: "中试", deliverables: "膜电极中试", dueAt: new Date(Date.now() + 200 * DAY).toISOString(), amountCny: 1_000_000 },
    ],
    budgetCny: 2_000_000,
  });

let sponsor: ApiUser, solver: ApiUser, solver2: ApiUser, expert: ApiUser, expert2: ApiUser, outsider: ApiUser, author: ApiUser;

/** A challenge in REVIEW with two applications (the first with a file), two experts seated. */
async function inReview(over: Record<string, unknown> = {}) {
  const c = await createChallenge(sponsor.actor, body(over));
  const v = (await moveChallenge(sponsor.actor, c.id, { to: "OPEN", version: c.version })).version;
  await addPanelMember(sponsor.actor, c.id, expert.actor.email);
  await addPanelMember(sponsor.actor, c.id, expert2.actor.email);
  const a1 = await applyToChallenge(solver.actor, c.id, apply(), new Date(), [{ name: "张三课题组-方案.pdf", bytes: PDF }]);
  const a2 = await applyToChallenge(solver2.actor, c.id, apply());
  const v2 = (await moveChallenge(sponsor.actor, c.id, { to: "REVIEW", version: v })).version;
  return { id: c.id, version: v2, a1, a2 };
}

beforeAll(async () => {
  [sponsor, solver, solver2, expert, expert2, outsider, author] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
  ]);
}, 60_000);

describe("questions to applicants", () => {
  it("are asked of shortlisted applicants only, answered once, and both sides are told", async () => {
    const c = await inReview();
    expect(await code(askQuestion(sponsor.actor, c.a1.id, "中试线在哪里？产能多少？"))).toBe("409 challenges.questionNotShortlisted");
    await shortlistApplication(sponsor.actor, c.a1.id, c.a1.version, true);
    const q = await askQuestion(expert.actor, c.a1.id, "中试线在哪里？产能多少？");
    expect(await prisma.notification.count({ where: { userId: solver.actor.id, kind: "challenge.questionAsked" } })).toBe(1);
    // Others may not answer; the applicant answers once.
    expect(await code(answerQuestion(sponsor.actor, q.id, "不该由发榜方回答"))).toBe("403");
    expect(await code(answerQuestion(outsider.actor, q.id, "外人"))).toBe("404");
    await answerQuestion(solver.actor, q.id, "东莞中试线，月产 2 吨。");
    expect(await code(answerQuestion(solver.actor, q.id, "再答一次"))).toBe("409 challenges.questionAnswered");
    // The asking expert and the sponsor side are told, once each.
    for (const u of [expert, sponsor]) expect(await prisma.notification.count({ where: { userId: u.actor.id, kind: "challenge.questionAnswered" } })).toBe(1);
    // Shown to the circle, without names under blind review.
    const seenByExpert2 = await getApplicationView(expert2.actor, c.a1.id);
    expect(seenByExpert2.questions).toEqual([expect.objectContaining({ askedBy: "panel", answer: "东莞中试线，月产 2 吨。", mayAnswer: false })]);
    expect((await getApplicationView(expert.actor, c.a1.id)).questions[0]!.askedBy).toBe("you");
    expect((await getApplicationView(solver.actor, c.a1.id)).questions[0]).toMatchObject({ askedBy: "panel", mayAnswer: false });
    // A conflicted expert neither asks nor reads.
    await declareConflict(expert2.actor, c.a1.id, "同一课题组");
    expect(await code(askQuestion(expert2.actor, c.a1.id, "冲突专家的问题"))).toBe("404");
    expect(await code(getApplicationView(expert2.actor, c.a1.id))).toBe("404");
  });
});

describe("application files", () => {
  it("are checked by content with field errors, downloaded only by the circle, blind for experts", async () => {
    const c = await createChallenge(sponsor.actor, body());
    await moveChallenge(sponsor.actor, c.id, { to: "OPEN", version: c.version });
    await addPanelMember(sponsor.actor, c.id, expert.actor.email);
    await addPanelMember(sponsor.actor, c.id, expert2.actor.email);
    // A wrong type and an oversized file fail with the file field named, before anything is written.
    const wrong = await applyToChallenge(solver.actor, c.id, apply(), new Date(), [
      { name: "plan.exe", bytes: new TextEncoder().encode("MZ not a pdf") },
    ]).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 415, key: "file.wrongType", fields: { attachments: [{ key: "v.fileWrongType" }] } });
    const big = await applyToChallenge(solver.actor, c.id, apply(), new Date(), [{ name: "big.pdf", bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) }]).catch(
      (e: unknown) => e,
    );
    expect(big).toMatchObject({ status: 413, fields: { attachments: [{ key: "v.fileTooLarge" }] } });
    expect(await prisma.challengeApplication.count({ where: { challengeId: c.id } })).toBe(0);

    const a = await applyToChallenge(solver.actor, c.id, apply(), new Date(), [{ name: "张三课题组-方案.pdf", bytes: PDF }]);
    await addApplicationAttachments(solver.actor, a.id, [{ name: "李四-简历.png", bytes: PNG }]);
    expect(await code(addApplicationAttachments(sponsor.actor, a.id, [{ name: "x.png", bytes: PNG }]))).toBe("403");
    const ids = (await prisma.attachment.findMany({ where: { challengeApplicationId: a.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).map(
      (r) => r.id,
    );
    expect(ids).toHaveLength(2);

    // The sponsor and the applicant see names; experts under blind review see neutral ones.
    expect((await getApplicationView(sponsor.actor, a.id)).files.map((f) => f.fileName)).toEqual(["张三课题组-方案.pdf", "李四-简历.png"]);
    expect((await getApplicationView(expert.actor, a.id)).files.map((f) => f.fileName)).toEqual(["attachment-1.pdf", "attachment-2.png"]);
    expect((await getAttachment(expert.actor, ids[1]!, { ip: null })).fileName).toBe("attachment-2.png");
    expect((await getAttachment(solver.actor, ids[1]!, { ip: null })).fileName).toBe("李四-简历.png");
    // Outsiders and a conflicted expert get 404; every download is audited.
    expect(await code(getAttachment(outsider.actor, ids[0]!, { ip: null }))).toBe("404");
    await moveChallenge(sponsor.actor, c.id, { to: "REVIEW", version: (await prisma.challenge.findUniqueOrThrow({ where: { id: c.id } })).version });
    await declareConflict(expert2.actor, a.id, "同单位");
    expect(await code(getAttachment(expert2.actor, ids[0]!, { ip: null }))).toBe("404");
    expect(await prisma.auditLog.count({ where: { action: "challenge.attachment", subject: `challenge:${c.id}` } })).toBe(2);
    // After the deadline (in review) the application's files no longer change.
    expect(await code(addApplicationAttachments(solver.actor, a.id, [{ name: "late.png", bytes: PNG }]))).toBe("409 challenges.attachClosed");
  });

  it("travel with a milestone's submission as its deliverables", async () => {
    const c = await inReview({ blindReview: false });
    await awardChallenge(sponsor.actor, c.id, {
      version: c.version,
      awards: [{ applicationId: c.a1.id, reason: "方案最优" }],
      others: [{ applicationId: c.a2.id, reason: "预算偏高" }],
    });
    const m = await prisma.challengeMilestone.findFirstOrThrow({ where: { applicationId: c.a1.id, seq: 1 } });
    await submitMilestone(solver.actor, m.id, m.version, "小样与测试报告已上传", new Date(), [{ name: "小样测试报告.pdf", bytes: PDF }]);
    const project = await getProject(sponsor.actor, c.a1.id);
    expect(project.milestones[0]!.files.map((f) => f.fileName)).toEqual(["小样测试报告.pdf"]);
    const fileId = project.milestones[0]!.files[0]!.id;
    expect((await getAttachment(expert.actor, fileId, { ip: null })).fileName).toBe("小样测试报告.pdf");
    expect(await code(getAttachment(solver2.actor, fileId, { ip: null }))).toBe("404");
  });
});

describe("panel editing", () => {
  it("removes an expert before scoring, keeps one who scored, and locks the panel at the award", async () => {
    const c = await inReview();
    const seat = (u: ApiUser) => prisma.challengePanelMember.findFirstOrThrow({ where: { challengeId: c.id, userId: u.actor.id }, select: { id: true } });
    const s1 = await seat(expert);
    const s2 = await seat(expert2);
    await scoreApplication(expert.actor, c.a1.id, { scores: [{ criterionKey: "k1", score: 8 }] });
    // An expert who scored stays (the scores are part of the aggregate), and the scores are intact.
    expect(await code(removePanelMember(sponsor.actor, c.id, s1.id))).toBe("409 challenges.panelMemberScored");
    expect(await prisma.challengeScore.count({ where: { panelMemberId: s1.id } })).toBe(1);
    // Only the sponsor side edits the panel.
    expect(await code(removePanelMember(expert.actor, c.id, s2.id))).toBe("403");
    expect(await code(removePanelMember(outsider.actor, c.id, s2.id))).toBe("403");
    // One who has not scored leaves, with their conflicts, and is told.
    await declareConflict(expert2.actor, c.a2.id, "同单位");
    await removePanelMember(sponsor.actor, c.id, s2.id);
    expect(await prisma.challengePanelMember.count({ where: { id: s2.id } })).toBe(0);
    expect(await prisma.challengeConflict.count({ where: { panelMemberId: s2.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: expert2.actor.id, kind: "challenge.panelRemoved" } })).toBe(1);
    expect(await code(getApplicationView(expert2.actor, c.a1.id))).toBe("404");
    expect(await code(removePanelMember(sponsor.actor, c.id, s2.id))).toBe("404");
    // Re-seated before the award: allowed again.
    await addPanelMember(sponsor.actor, c.id, expert2.actor.email);
    const s2b = await seat(expert2);
    await awardChallenge(sponsor.actor, c.id, {
      version: c.version,
      awards: [{ applicationId: c.a1.id, reason: "方案最优" }],
      others: [{ applicationId: c.a2.id, reason: "预算偏高" }],
    });
    expect(await code(removePanelMember(sponsor.actor, c.id, s2b.id))).toBe("409 challenges.panelLocked");
  });
});

describe("challenge matching", () => {
  let resultId = "";
  beforeAll(async () => {
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
  }, 120_000);

  it("stores the call's matches on publication, tells the result's owner once, and shows them to the sponsor side", async () => {
    const c = await createChallenge(sponsor.actor, body());
    await moveChallenge(sponsor.actor, c.id, { to: "OPEN", version: c.version });
    // The publication queued the match-challenge job (with notify) in its transaction.
    const queued = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`match-challenge:notify:${c.id}`}`;
    expect(queued[0]!.n).toBe(1);
    await runJobs(["match-challenge"]);
    const snapshot = await prisma.challengeMatchSnapshot.findUniqueOrThrow({ where: { challengeId: c.id } });
    expect((snapshot.matches as { id: string }[]).map((m) => m.id)).toContain(resultId);
    expect(await prisma.notification.count({ where: { userId: author.actor.id, kind: "challenge.matched", dedupeKey: `challenge-match:${c.id}` } })).toBe(1);
    // Run again: nobody is told twice.
    await runChallengeMatching(c.id, true);
    expect(await prisma.notification.count({ where: { userId: author.actor.id, kind: "challenge.matched" } })).toBe(1);
    // The sponsor (and staff) see the matches; solvers do not.
    const m = await getChallengeMatches(sponsor.actor, c.id);
    expect(m.ok && m.results.map((r) => r.id)).toContain(resultId);
    expect(await code(getChallengeMatches(author.actor, c.id))).toBe("403");
    expect((await getChallengeView(sponsor.actor, c.id)).may.seeMatches).toBe(true);
    expect((await getChallengeView(author.actor, c.id)).may.seeMatches).toBe(false);
    // The result's owner finds the call on the dashboard.
    expect((await challengesForYou(author.actor)).map((x) => x.id)).toContain(c.id);
    expect((await challengesForYou(outsider.actor)).map((x) => x.id)).not.toContain(c.id);
  });

  it("has an open call matched again when a result is published, and tells its owner", async () => {
    const c = await createChallenge(
      sponsor.actor,
      body({
        title: "固态电池电解质揭榜",
        keywords: ["固态电解质", "锂电池"],
        teaser: "硫化物固态电解质，室温离子电导率达到 10 mS/cm",
        problem: "需要室温离子电导率高、对锂金属稳定的硫化物固态电解质。",
      }),
    );
    await moveChallenge(sponsor.actor, c.id, { to: "OPEN", version: c.version });
    await runJobs(["match-challenge"]);
    const late = await createResult(outsider.actor, {
      title: "硫化物固态电解质",
      summary: "一种硫化物固态电解质，室温离子电导率 12 mS/cm，对锂金属稳定，可用于全固态锂电池。",
      field: "新能源",
      keywords: ["固态电解质", "锂电池", "硫化物"],
      trl: 4,
      transferModes: [],
    });
    await syncResult(prisma, late.id);
    clearDfCache();
    // The "match-result" job's first step: every open call with stored matches is queued again.
    await refreshMatchesForResult(late.id);
    await runJobs(["match-challenge"]);
    const snapshot = await prisma.challengeMatchSnapshot.findUniqueOrThrow({ where: { challengeId: c.id } });
    expect((snapshot.matches as { id: string }[]).map((m) => m.id)).toContain(late.id);
    expect(await prisma.notification.count({ where: { userId: outsider.actor.id, kind: "challenge.matched", dedupeKey: `challenge-match:${c.id}` } })).toBe(1);
  });

  it("never tells the sponsor's people or its panel", () => {
    const match = { id: "r1", score: 0.5, explanation: { matchedTerms: [{}, {}, {}] } };
    const snapshot = {
      matches: [match] as never,
      researchers: [
        { userId: "u-panel", results: [{ id: "r1", title: "" }], matchScore: 0.5, expertiseWords: [] },
        { userId: "u-expertise", results: [], matchScore: null, expertiseWords: ["燃料电池", "催化剂"] },
        { userId: "u-weak", results: [], matchScore: null, expertiseWords: ["催化剂"] },
      ] as never,
    };
    expect(matchedRecipients(snapshot, new Map([["r1", "u-owner"]]), new Set(["u-panel"]))).toEqual(["u-owner", "u-expertise"]);
  });
});
