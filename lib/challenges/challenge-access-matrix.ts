// Issue 15: every challenge action x every role and relationship (sponsor, panel member,
// conflicted panel member, applicant, team member, other researcher, anonymous, broker, admin),
// against the real services, routes and actions (used by lib/access/authorization-matrix.int.test.ts).
// Not used by the app.
import * as challengeRoute from "@/app/api/v1/challenges/[id]/route";
import * as applicationRoute from "@/app/api/v1/challenge-applications/[id]/route";
import * as scoresRoute from "@/app/api/v1/challenge-applications/[id]/scores/route";
import * as questionsRoute from "@/app/api/v1/challenge-applications/[id]/questions/route";
import * as answerRoute from "@/app/api/v1/challenge-questions/[id]/answer/route";
import * as panelSeatRoute from "@/app/api/v1/challenges/[id]/panel/[panelMemberId]/route";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { apiRequest, createApiUser, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { PNG_1X1 } from "@/tests/kits/file-bytes";
import { getAttachment } from "@/lib/attachments/attachments";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { writeStaffRevocation } from "@/lib/staff/write-staff-grant";
import { applyToChallenge, shortlistApplication, withdrawApplication } from "./applications";
import { addApplicationAttachments } from "./attachments";
import { getChallengeMatches } from "./matches";
import { answerQuestion, askQuestion } from "./questions";
import { awardChallenge } from "./award";
import { addPanelMember, createChallenge, moveChallenge, removePanelMember, updateChallenge } from "./manage-challenge";
import { decideMilestone, getProject, recordMilestonePayment, submitMilestone } from "./milestones";
import { acceptChallengeNda } from "./nda";
import { recordChallengeOutcome } from "./outcome";
import { getApplicationView, getChallengeView } from "./queries";
import { declareConflict, getReviewBoard, getScoreBoard, scoreApplication } from "./review";
import { applySchema, challengeInputSchema } from "./schemas";

// "revokedStaff": a broker whose staff grant was revoked (no actor any more, API token revoked).
export const CHALLENGE_ROLES = [
  "anonymous",
  "sponsor",
  "panel",
  "conflicted",
  "applicant",
  "team",
  "otherResearcher",
  "broker",
  "admin",
  "revokedStaff",
] as const;
type RoleName = (typeof CHALLENGE_ROLES)[number];
type Users = Record<Exclude<RoleName, "anonymous">, ApiUser> & { applicant2: ApiUser };
export type ChallengeCast = {
  users: Users;
  /** What the revoked broker acts as (toActor of their row: null). */
  revokedActor: Actor | null;
  /**
   * PUBLIC, blind review, in REVIEW; app1 by the applicant (with the team member, one file,
   * SHORTLISTED, one question from the sponsor), app2 by applicant2; "conflicted" declared on app1.
   */
  review: { id: string; app1: string; app2: string; question: string; file: string };
  /** CONFIDENTIAL, OPEN, panel seated. */
  secret: { id: string };
  /** AWARDED: project app by the applicant (with team), conflicted declared on it, milestone 1 submitted with a file. */
  awarded: { id: string; app: string; milestone: string; file: string; conflictedSeat: string };
  /** A broker's DRAFT for the sponsor. */
  draft: { id: string };
};

const DAY = 86_400_000;
/** A 1x1 PNG (files are checked by content). */
const PNG_FILE = {
  name: "矩阵申请人-团队简历.png",
  bytes: PNG_1X1,
};
const body = (over: Record<string, unknown> = {}) =>
  challengeInputSchema.parse({
    title: "矩阵榜单 钠离子电池正极",
    teaser: "钠离子电池层状氧化物正极的空气稳定性提升",
    problem: "矩阵问题描述：层状氧化物正极在空气中 48 小时后容量衰减 12%，需要包覆或掺杂方案。",
    field: "新能源",
    indicators: "空气稳定性 | 48 小时衰减 ≤3% | 第三方检测",
    bountyTotalCny: 2_000_000,
    milestoneSplit: "小样 | 50\n中试 | 50",
    applicationDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
    durationMonths: 12,
    criteria: "技术 | 60\n团队 | 40",
    ...over,
  });
const apply = (team: string[] = []) =>
  applySchema.parse({
    approach: "矩阵申请：采用 Al2O3 原子层沉积包覆与 Ti 掺杂协同提升空气稳定性。",
    teamEmails: team,
    planMilestones: [
      { title: "小样", deliverables: "5 批次小样", dueAt: new Date(Date.now() + 60 * DAY).toISOString(), amountCny: 1_000_000 },
      { title: "中试", deliverables: "中试报告", dueAt: new Date(Date.now() + 200 * DAY).toISOString(), amountCny: 1_000_000 },
    ],
    budgetCny: 2_000_000,
  });

export async function createChallengeCast(): Promise<ChallengeCast> {
  const [sponsor, panel, conflicted, applicant, team, otherResearcher, broker, admin, applicant2, revokedStaff] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("BROKER"),
    createApiUser("ADMIN"),
    createApiUser("RESEARCHER"),
    createApiUser("BROKER"),
  ]);
  await prisma.$transaction((tx) => writeStaffRevocation(tx, revokedStaff.actor.id, admin.actor.id, "matrix: revoked"));
  const revokedActor = toActor((await prisma.user.findUniqueOrThrow({ where: { id: revokedStaff.actor.id }, select: actorUserSelect() })) as never);
  const s = sponsor.actor;
  const seat = async (id: string) => {
    await addPanelMember(s, id, panel.actor.email);
    await addPanelMember(s, id, conflicted.actor.email);
  };
  // In review, blind.
  const r = await createChallenge(s, body({ blindReview: true }));
  let v = (await moveChallenge(s, r.id, { to: "OPEN", version: r.version })).version;
  await seat(r.id);
  const app1 = await applyToChallenge(applicant.actor, r.id, apply([team.actor.email]), new Date(), [PNG_FILE]);
  const app2 = await applyToChallenge(applicant2.actor, r.id, apply());
  await moveChallenge(s, r.id, { to: "REVIEW", version: v });
  await declareConflict(conflicted.actor, app1.id, "matrix");
  await shortlistApplication(s, app1.id, app1.version, true);
  const question = await askQuestion(s, app1.id, "矩阵问题：中试线在哪里？");
  const file1 = await prisma.attachment.findFirstOrThrow({ where: { challengeApplicationId: app1.id }, select: { id: true } });
  // Confidential, open.
  const c = await createChallenge(s, body({ visibility: "CONFIDENTIAL", title: "矩阵保密榜单" }));
  await moveChallenge(s, c.id, { to: "OPEN", version: c.version });
  await seat(c.id);
  // Awarded, with a project.
  const w = await createChallenge(s, body({ title: "矩阵已揭榜榜单" }));
  v = (await moveChallenge(s, w.id, { to: "OPEN", version: w.version })).version;
  await seat(w.id);
  const wApp = await applyToChallenge(applicant.actor, w.id, apply([team.actor.email]));
  v = (await moveChallenge(s, w.id, { to: "REVIEW", version: v })).version;
  await declareConflict(conflicted.actor, wApp.id, "matrix");
  await awardChallenge(s, w.id, { version: v, awards: [{ applicationId: wApp.id, reason: "矩阵" }], others: [] });
  const milestone = await prisma.challengeMilestone.findFirstOrThrow({ where: { applicationId: wApp.id, seq: 1 }, select: { id: true, version: true } });
  await submitMilestone(applicant.actor, milestone.id, milestone.version, "矩阵提交", new Date(), [PNG_FILE]);
  const msFile = await prisma.attachment.findFirstOrThrow({ where: { challengeMilestoneId: milestone.id }, select: { id: true } });
  const conflictedSeat = await prisma.challengePanelMember.findFirstOrThrow({
    where: { challengeId: w.id, userId: conflicted.actor.id },
    select: { id: true },
  });
  // A broker's draft for the sponsor.
  const d = await createChallenge(broker.actor, body({ title: "矩阵经纪人草稿", sponsorOrganisationId: sponsor.organisationId }));
  return {
    users: { sponsor, panel, conflicted, applicant, team, otherResearcher, broker, admin, applicant2, revokedStaff },
    revokedActor,
    review: { id: r.id, app1: app1.id, app2: app2.id, question: question.id, file: file1.id },
    secret: { id: c.id },
    awarded: { id: w.id, app: wApp.id, milestone: milestone.id, file: msFile.id, conflictedSeat: conflictedSeat.id },
    draft: { id: d.id },
  };
}

type Outcome = string;
// 409 / 422 mean the policy let the call through and the state machine or the input refused it.
async function service(run: () => Promise<unknown>, refine?: (value: unknown) => Outcome): Promise<Outcome> {
  try {
    const value = await run();
    return refine ? refine(value) : "ok";
  } catch (e) {
    if (isAppError(e)) return e.code === "CONFLICT" || e.code === "VALIDATION" ? "ok" : String(e.status);
    throw e;
  }
}
async function api(res: Promise<Response>, refine?: (body: unknown) => Outcome): Promise<Outcome> {
  const response = await res;
  if (response.status === 409 || response.status === 422) return "ok";
  if (response.status !== 200 && response.status !== 201) return String(response.status);
  return refine ? refine(await response.json()) : "ok";
}

type Op = { name: string; rules: string[]; run: (actor: Actor | null, user: ApiUser | null, cast: ChallengeCast) => Promise<Outcome>; expected: Outcome[] };
const access = (v: unknown) => (v as { access: string }).access;
const named = (v: unknown) => ((v as { applicant: unknown }).applicant ? "named" : "blind");
const STALE = 999_999;

//                            anon    sponsor  panel   conflicted applicant team   other   broker  admin
export const CHALLENGE_OPS: Op[] = [
  {
    name: "page /challenges/[id] (PUBLIC, in review)",
    rules: ["challenge.discover", "challenge.readDetails"],
    run: (a, _u, c) => service(() => getChallengeView(a, c.review.id), access),
    expected: ["full", "full", "full", "full", "full", "full", "full", "full", "full", "full"],
  },
  {
    name: "page /challenges/[id] (CONFIDENTIAL, before any NDA)",
    rules: ["challenge.readDetails"],
    run: (a, _u, c) => service(() => getChallengeView(a, c.secret.id), access),
    expected: ["teaser", "full", "full", "full", "teaser", "teaser", "teaser", "teaser", "full", "teaser"],
  },
  {
    name: "GET /api/v1/challenges/{id} (CONFIDENTIAL, before any NDA)",
    rules: ["challenge.readDetails"],
    run: (_a, u, c) => api(challengeRoute.GET(apiRequest(`/challenges/${c.secret.id}`, { token: u?.token ?? null }), routeParams({ id: c.secret.id })), access),
    expected: ["401", "full", "full", "full", "teaser", "teaser", "teaser", "teaser", "full", "401"],
  },
  {
    name: "page /challenges/[id] (a broker's DRAFT)",
    rules: ["challenge.discover"],
    run: (a, _u, c) => service(() => getChallengeView(a, c.draft.id), access),
    expected: ["401", "full", "404", "404", "404", "404", "404", "full", "full", "401"],
  },
  {
    name: "acceptChallengeNda (CONFIDENTIAL)",
    rules: ["challenge.acceptNda"],
    run: (a, _u, c) => service(() => acceptChallengeNda(a as Actor, c.secret.id, null)),
    expected: ["401", "403", "ok", "ok", "ok", "ok", "ok", "ok", "403", "401"],
  },
  {
    name: "applyToChallenge (CONFIDENTIAL, after the NDA)",
    rules: ["challenge.apply"],
    run: (a, _u, c) => service(() => applyToChallenge(a as Actor, c.secret.id, apply())),
    expected: ["401", "403", "403", "403", "ok", "ok", "ok", "403", "403", "401"],
  },
  {
    name: "updateChallenge (a broker's DRAFT)",
    rules: ["challenge.edit"],
    run: (a, _u, c) => service(() => updateChallenge(a as Actor, c.draft.id, STALE, body())),
    expected: ["401", "ok", "404", "404", "404", "404", "404", "ok", "ok", "401"],
  },
  {
    name: "createChallenge",
    rules: ["challenge.create"],
    run: (a, u, c) =>
      service(() => createChallenge(a as Actor, body({ sponsorOrganisationId: a?.role === "COMPANY" ? undefined : c.users.sponsor.organisationId }))),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "ok", "ok", "401"],
  },
  {
    name: "moveChallenge (cancel, stale version)",
    rules: ["challenge.manage"],
    run: (a, _u, c) => service(() => moveChallenge(a as Actor, c.review.id, { to: "CANCELLED", version: STALE, reason: "matrix" })),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "addPanelMember (unknown address)",
    rules: ["challenge.manage"],
    run: (a, _u, c) => service(() => addPanelMember(a as Actor, c.review.id, "nobody-matrix@example.cn")),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "awardChallenge (stale version)",
    rules: ["challenge.manage"],
    run: (a, _u, c) =>
      service(() =>
        awardChallenge(a as Actor, c.review.id, {
          version: STALE,
          awards: [{ applicationId: c.review.app1, reason: "m" }],
          others: [{ applicationId: c.review.app2, reason: "m" }],
        }),
      ),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "score board (getScoreBoard)",
    rules: ["challenge.manage"],
    run: (a, _u, c) => service(() => getScoreBoard(a as Actor, c.review.id)),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "recordChallengeOutcome (not completed yet)",
    rules: ["challenge.manage"],
    run: (a, _u, c) => service(() => recordChallengeOutcome(a as Actor, c.awarded.id, { monthsAfter: 0, indicatorsReached: [] })),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "page /challenges/[id]/review (getReviewBoard)",
    rules: ["challenge.review"],
    run: (a, _u, c) =>
      service(
        () => getReviewBoard(a as Actor, c.review.id),
        (v) => `items:${(v as { items: unknown[] }).items.length}`,
      ),
    expected: ["401", "403", "items:2", "items:1", "403", "403", "403", "403", "403", "401"],
  },
  {
    name: "page /challenges/applications/[id] (getApplicationView)",
    rules: ["application.read", "application.seeApplicant"],
    run: (a, _u, c) => service(() => getApplicationView(a, c.review.app1), named),
    expected: ["401", "named", "blind", "404", "named", "named", "404", "404", "named", "401"],
  },
  {
    name: "GET /api/v1/challenge-applications/{id}",
    rules: ["application.read"],
    run: (_a, u, c) =>
      api(applicationRoute.GET(apiRequest(`/challenge-applications/${c.review.app1}`, { token: u?.token ?? null }), routeParams({ id: c.review.app1 }))),
    expected: ["401", "ok", "ok", "404", "ok", "ok", "404", "404", "ok", "401"],
  },
  {
    name: "withdrawApplication (after the deadline: guard)",
    rules: ["application.withdraw"],
    run: (a, _u, c) => service(() => withdrawApplication(a as Actor, c.review.app1, 1)),
    expected: ["401", "403", "403", "404", "ok", "403", "404", "404", "403", "401"],
  },
  {
    name: "PUT /api/v1/challenge-applications/{id}/scores",
    rules: ["application.score"],
    run: (_a, u, c) =>
      api(
        scoresRoute.PUT(
          apiRequest(`/challenge-applications/${c.review.app1}/scores`, {
            token: u?.token ?? null,
            method: "PUT",
            body: { scores: [{ criterionKey: "k1", score: 7 }] },
          }),
          routeParams({ id: c.review.app1 }),
        ),
      ),
    expected: ["401", "403", "ok", "404", "403", "403", "404", "404", "403", "401"],
  },
  {
    name: "scoreApplication",
    rules: ["application.score"],
    run: (a, _u, c) => service(() => scoreApplication(a as Actor, c.review.app1, { scores: [{ criterionKey: "k2", score: 6 }] })),
    expected: ["401", "403", "ok", "404", "403", "403", "404", "404", "403", "401"],
  },
  {
    name: "page /challenges/applications/[id]/project (getProject)",
    rules: ["application.read"],
    run: (a, _u, c) => service(() => getProject(a as Actor, c.awarded.app)),
    expected: ["401", "ok", "ok", "404", "ok", "ok", "404", "404", "ok", "401"],
  },
  {
    name: "submitMilestone (stale version)",
    rules: ["milestone.submit"],
    run: (a, _u, c) => service(() => submitMilestone(a as Actor, c.awarded.milestone, STALE, "matrix")),
    expected: ["401", "403", "403", "404", "ok", "ok", "404", "404", "403", "401"],
  },
  {
    name: "decideMilestone (stale version)",
    rules: ["milestone.decide"],
    run: (a, _u, c) => service(() => decideMilestone(a as Actor, c.awarded.milestone, { version: STALE, accept: true })),
    expected: ["401", "ok", "ok", "404", "403", "403", "404", "404", "ok", "401"],
  },
  {
    name: "recordMilestonePayment (not accepted yet)",
    rules: ["milestone.recordPayment"],
    run: (a, _u, c) => service(() => recordMilestonePayment(a as Actor, c.awarded.milestone, { version: STALE, amountCny: 1 })),
    expected: ["401", "ok", "403", "404", "403", "403", "404", "404", "ok", "401"],
  },
  {
    name: "removePanelMember (a seat on an AWARDED challenge: locked)",
    rules: ["challenge.manage"],
    run: (a, _u, c) => service(() => removePanelMember(a as Actor, c.awarded.id, c.awarded.conflictedSeat)),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "askQuestion (app1, shortlisted)",
    rules: ["application.ask"],
    run: (a, _u, c) => service(() => askQuestion(a as Actor, c.review.app1, "矩阵：请说明中试线的产能？")),
    expected: ["401", "ok", "ok", "404", "403", "403", "404", "404", "ok", "401"],
  },
  {
    name: "POST /api/v1/challenge-applications/{app1}/questions",
    rules: ["application.ask"],
    run: (_a, u, c) =>
      api(
        questionsRoute.POST(
          apiRequest(`/challenge-applications/${c.review.app1}/questions`, { token: u?.token ?? null, body: { question: "矩阵 API：检测报告何时提供？" } }),
          routeParams({ id: c.review.app1 }),
        ),
      ),
    expected: ["401", "ok", "ok", "404", "403", "403", "404", "404", "ok", "401"],
  },
  {
    name: "POST /api/v1/challenge-questions/{q}/answer",
    rules: ["application.answer"],
    run: (_a, u, c) =>
      api(
        answerRoute.POST(
          apiRequest(`/challenge-questions/${c.review.question}/answer`, { token: u?.token ?? null, body: { answer: "矩阵 API 回答：下月提供。" } }),
          routeParams({ id: c.review.question }),
        ),
      ),
    expected: ["401", "403", "403", "404", "ok", "ok", "404", "404", "403", "401"],
  },
  {
    name: "DELETE /api/v1/challenges/{awarded}/panel/{seat} (locked)",
    rules: ["challenge.manage"],
    run: (_a, u, c) =>
      api(
        panelSeatRoute.DELETE(
          apiRequest(`/challenges/${c.awarded.id}/panel/${c.awarded.conflictedSeat}`, { token: u?.token ?? null, method: "DELETE" }),
          routeParams({ id: c.awarded.id, panelMemberId: c.awarded.conflictedSeat }),
        ),
      ),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "403", "ok", "401"],
  },
  {
    name: "answerQuestion (the sponsor's question on app1)",
    rules: ["application.answer"],
    run: (a, _u, c) => service(() => answerQuestion(a as Actor, c.review.question, "矩阵回答：东莞中试线，月产 2 吨。")),
    expected: ["401", "403", "403", "404", "ok", "ok", "404", "404", "403", "401"],
  },
  {
    name: "questions on page /challenges/applications/[id] (getApplicationView)",
    rules: ["application.read"],
    run: (a, _u, c) =>
      service(
        () => getApplicationView(a, c.review.app1),
        (v) => `questions:${(v as { questions: unknown[] }).questions.length >= 1 ? "yes" : "none"}`,
      ),
    expected: ["401", "questions:yes", "questions:yes", "404", "questions:yes", "questions:yes", "404", "404", "questions:yes", "401"],
  },
  {
    name: "addApplicationAttachments (app1, after the deadline: closed)",
    rules: ["application.attach"],
    run: (a, _u, c) => service(() => addApplicationAttachments(a as Actor, c.review.app1, [PNG_FILE])),
    expected: ["401", "403", "403", "404", "ok", "ok", "404", "404", "403", "401"],
  },
  {
    name: "GET /api/attachments/{app1 file} (getAttachment; blind review hides the name)",
    rules: ["application.read", "application.seeApplicant"],
    run: (a, _u, c) =>
      a
        ? service(
            () => getAttachment(a, c.review.file, { ip: null }),
            (v) => ((v as { fileName: string }).fileName.startsWith("attachment-") ? "blind" : "named"),
          )
        : Promise.resolve("401"),
    expected: ["401", "named", "blind", "404", "named", "named", "404", "404", "named", "401"],
  },
  {
    name: "GET /api/attachments/{milestone deliverable} (getAttachment)",
    rules: ["application.read"],
    run: (a, _u, c) => (a ? service(() => getAttachment(a, c.awarded.file, { ip: null })) : Promise.resolve("401")),
    expected: ["401", "ok", "ok", "404", "ok", "ok", "404", "404", "ok", "401"],
  },
  {
    name: "matches on page /challenges/[id] (getChallengeMatches)",
    rules: ["challenge.seeMatches"],
    run: (a, _u, c) => service(() => getChallengeMatches(a as Actor, c.review.id)),
    expected: ["401", "ok", "403", "403", "403", "403", "403", "ok", "ok", "401"],
  },
  // Last: it changes who may see app2.
  {
    name: "declareConflict (app2)",
    rules: ["application.declareConflict"],
    run: (a, _u, c) => service(() => declareConflict(a as Actor, c.review.app2, "matrix")),
    expected: ["401", "403", "ok", "ok", "404", "404", "404", "404", "403", "401"],
  },
];

export async function runChallengeMatrix(cast: ChallengeCast): Promise<{ mismatches: string[]; checked: number }> {
  const mismatches: string[] = [];
  let checked = 0;
  for (const op of CHALLENGE_OPS) {
    for (const [i, role] of CHALLENGE_ROLES.entries()) {
      const user = role === "anonymous" ? null : cast.users[role];
      const actor = role === "revokedStaff" ? cast.revokedActor : (user?.actor ?? null);
      const got = await op.run(actor, user, cast);
      checked++;
      if (got !== op.expected[i]) mismatches.push(`${op.name} | ${role}: expected ${op.expected[i]}, got ${got}`);
    }
  }
  return { mismatches, checked };
}
