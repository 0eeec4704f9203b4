import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { can } from "@/lib/policy";
import { challengeConflict, challengeInvalid } from "./errors";
import { loadApplication, loadChallenge, permit, viewerApplicationFacts } from "./load";
import { aggregateScores, rankApplications, type Criterion } from "./scoring";
import type { ScoreInput } from "./schemas";
import { ACTIVE_APPLICATION_STATES } from "./transitions";

export type CriterionDef = { key: string; name: string; weight: number };
export const criteriaOf = (json: unknown): CriterionDef[] => (Array.isArray(json) ? (json as CriterionDef[]) : []);

/**
 * A panel member declares a conflict of interest on one application: from then on they neither
 * see nor score it, and any scores they gave it are removed. Declaring twice is harmless. A
 * declaration cannot be taken back by the expert (the sponsor would have to re-seat them).
 */
export async function declareConflict(actor: Actor, applicationId: string, note: string | undefined): Promise<{ declared: true }> {
  return prisma.$transaction(async (tx) => {
    const { app, panelMemberId } = await loadApplication(tx, actor, applicationId, "application.declareConflict");
    await tx.challengeConflict.upsert({
      where: { panelMemberId_applicationId: { panelMemberId: panelMemberId!, applicationId } },
      create: { panelMemberId: panelMemberId!, applicationId, note: note ?? null },
      update: {},
    });
    await tx.challengeScore.deleteMany({ where: { panelMemberId: panelMemberId!, applicationId } });
    await recordAudit(tx, { actorId: actor.id, action: "challenge.conflict", subject: `challenge:${app.challengeId}`, detail: { applicationId } });
    return { declared: true as const };
  });
}

/** An unconflicted panel member scores every criterion (0..10) with an optional comment, during review. */
export async function scoreApplication(actor: Actor, applicationId: string, input: ScoreInput): Promise<{ saved: number }> {
  return prisma.$transaction(async (tx) => {
    const { app, challenge, panelMemberId } = await loadApplication(tx, actor, applicationId, "application.score");
    if (challenge.status !== "REVIEW") throw challengeConflict("notInReview");
    if (!ACTIVE_APPLICATION_STATES.includes(app.status)) throw challengeConflict("notScorable");
    const keys = new Set(criteriaOf(challenge.criteria).map((c) => c.key));
    for (const s of input.scores) if (!keys.has(s.criterionKey)) throw challengeInvalid("unknownCriterion", "scores");
    for (const s of input.scores) {
      await tx.challengeScore.upsert({
        where: { panelMemberId_applicationId_criterionKey: { panelMemberId: panelMemberId!, applicationId, criterionKey: s.criterionKey } },
        create: { panelMemberId: panelMemberId!, applicationId, criterionKey: s.criterionKey, score: s.score, comment: s.comment ?? null },
        update: { score: s.score, comment: s.comment ?? null },
      });
    }
    return { saved: input.scores.length };
  });
}

/**
 * The panel member's review page: the applications they have no conflict with (identity hidden
 * under blind review), their own scores, and the ones they declared a conflict on (id only).
 */
export async function getReviewBoard(actor: Actor, challengeId: string) {
  const { row, facts } = await loadChallenge(prisma, actor, challengeId);
  permit(actor, "challenge.review", facts);
  const apps = await prisma.challengeApplication.findMany({
    where: { challengeId, status: { in: [...ACTIVE_APPLICATION_STATES] } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      applicantId: true,
      approach: true,
      budgetCny: true,
      planMilestones: true,
      status: true,
      applicant: { select: { name: true } },
      organisation: { select: { name: true } },
      team: { select: { userId: true } },
    },
  });
  const myScores = await prisma.challengeScore.findMany({
    where: { panelMemberId: facts.panelMemberId! },
    select: { applicationId: true, criterionKey: true, score: true, comment: true },
  });
  const items = [];
  const conflicted: string[] = [];
  for (const [i, a] of apps.entries()) {
    const f = await viewerApplicationFacts(prisma, actor, a, facts);
    if (f.viewerConflicted) {
      conflicted.push(a.id);
      continue;
    }
    if (!can(actor, "application.read", f)) continue;
    const showWho = can(actor, "application.seeApplicant", f);
    items.push({
      id: a.id,
      label: showWho ? `${a.applicant.name ?? ""}${a.organisation ? ` · ${a.organisation.name}` : ""}` : null,
      blindIndex: i + 1,
      approach: a.approach,
      budgetCny: a.budgetCny,
      planMilestones: a.planMilestones as { title: string; deliverables: string; dueAt: string; amountCny: number }[],
      status: a.status,
      scores: myScores.filter((s) => s.applicationId === a.id).map((s) => ({ criterionKey: s.criterionKey, score: s.score, comment: s.comment })),
    });
  }
  return {
    challenge: { id: row.id, title: row.title, status: row.status, blindReview: row.blindReview, criteria: criteriaOf(row.criteria) },
    items,
    conflicted,
  };
}

/** The sponsor's score board: weighted scores with the spread between experts, best first. */
export async function getScoreBoard(actor: Actor, challengeId: string) {
  const { row, facts } = await loadChallenge(prisma, actor, challengeId);
  permit(actor, "challenge.manage", facts);
  const criteria = criteriaOf(row.criteria);
  const apps = await prisma.challengeApplication.findMany({
    where: { challengeId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      version: true,
      approach: true,
      budgetCny: true,
      decisionReason: true,
      applicant: { select: { name: true, email: true } },
      organisation: { select: { name: true } },
      team: { select: { user: { select: { name: true, organisation: { select: { name: true } } } } } },
    },
  });
  const scores = await prisma.challengeScore.findMany({
    where: { application: { challengeId } },
    select: { panelMemberId: true, applicationId: true, criterionKey: true, score: true, comment: true },
  });
  const panel = await prisma.challengePanelMember.findMany({
    where: { challengeId },
    select: { id: true, user: { select: { name: true, email: true } }, conflicts: { select: { applicationId: true } }, _count: { select: { scores: true } } },
  });
  const ranked = rankApplications(
    aggregateScores(
      criteria as Criterion[],
      scores,
      apps.map((a) => a.id),
    ),
  );
  return {
    challenge: { id: row.id, title: row.title, status: row.status, version: row.version, criteria },
    panel: panel.map((p) => ({ id: p.id, name: p.user.name ?? p.user.email, conflicts: p.conflicts.map((c) => c.applicationId), scored: p._count.scores > 0 })),
    items: ranked.map((s) => {
      const a = apps.find((x) => x.id === s.applicationId)!;
      return {
        id: a.id,
        status: a.status,
        version: a.version,
        applicant: a.applicant.name ?? a.applicant.email,
        organisation: a.organisation?.name ?? null,
        team: a.team.map((t) => `${t.user.name ?? ""}${t.user.organisation ? ` · ${t.user.organisation.name}` : ""}`),
        approach: a.approach,
        budgetCny: a.budgetCny,
        decisionReason: a.decisionReason,
        score: s.score,
        spread: s.spread,
        experts: s.experts.length,
        incomplete: s.incomplete.length,
        criteria: s.criteria,
        comments: scores.filter((c) => c.applicationId === a.id && c.comment).map((c) => ({ criterionKey: c.criterionKey, comment: c.comment! })),
      };
    }),
  };
}
