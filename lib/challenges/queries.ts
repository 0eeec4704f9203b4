import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type MaybeActor } from "@/lib/policy";
import type { ChallengeFacts } from "@/lib/policy/rules";
import { challengeRowSelect, loadApplication, loadChallenge, viewerChallengeFacts, type ChallengeRow } from "./load";
import { listChallengeFiles } from "./attachments";
import { listQuestions } from "./questions";
import { criteriaOf } from "./review";
import { bountyBandRange, type ChallengeListQuery } from "./schemas";
import { searchChallengeIds } from "./search-index";
import { PUBLIC_CHALLENGE_STATES } from "./transitions";

export type Indicator = { key: string; name: string; target: string; verification: string };
export type Split = { title: string; percent: number };
export type Eligibility = { orgKinds: string[]; regions: string[]; qualifications: string };

const COUNTED = { status: { not: "WITHDRAWN" } } as const;

/**
 * What a viewer may see of a challenge, from an allow-list. The teaser part (title, summary,
 * field, chain, region, bounty, deadline, duration, status, the NUMBER of applications) is public;
 * the problem, indicators, eligibility, criteria, sponsor name and outcome only with
 * "challenge.readDetails" (PUBLIC, or after the NDA). Applications' content never appears here.
 */
export function presentChallenge(
  actor: MaybeActor,
  row: ChallengeRow,
  facts: ChallengeFacts,
  extra: { applicationCount: number; myApplicationId: string | null; outcomes?: OutcomeRow[]; milestones?: MilestoneTally },
) {
  const full = can(actor, "challenge.readDetails", facts);
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    id: row.id,
    title: row.title,
    teaser: row.teaser,
    field: row.field,
    keywords: row.keywords,
    region: row.region,
    chainNode: row.chainNode ? { id: row.chainNode.id, chainId: row.chainNode.chainId, nameZh: row.chainNode.nameZh, nameEn: row.chainNode.nameEn } : null,
    bountyTotalCny: row.bountyTotalCny,
    milestoneSplit: row.milestoneSplit as Split[],
    applicationDeadline: row.applicationDeadline.toISOString(),
    durationMonths: row.durationMonths,
    visibility: row.visibility as "PUBLIC" | "CONFIDENTIAL",
    status: row.status,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    applicationCount: extra.applicationCount,
    // From the call to the evaluation (the page's timeline): dates of what happened, counts of
    // the projects' milestones (never their content); evaluation dates only with the details.
    timeline: {
      publishedAt: iso(row.publishedAt),
      applicationDeadline: row.applicationDeadline.toISOString(),
      closedAt: iso(row.closedAt),
      awardedAt: iso(row.awardedAt),
      milestones: extra.milestones ?? { total: 0, accepted: 0, lastAcceptedAt: null, nextDueAt: null },
      completedAt: iso(row.completedAt),
      cancelledAt: iso(row.cancelledAt),
      evaluatedAt: full ? (extra.outcomes ?? []).map((o) => ({ monthsAfter: o.monthsAfter, at: o.recordedAt.toISOString() })) : [],
    },
    access: full ? ("full" as const) : ("teaser" as const),
    details: full
      ? {
          sponsor: row.organisation.name,
          problem: row.problem,
          indicators: row.indicators as Indicator[],
          eligibility: row.eligibility as Eligibility,
          criteria: criteriaOf(row.criteria),
          blindReview: row.blindReview,
          needIds: can(actor, "challenge.manage", facts) ? row.needIds : [],
          outcomes: (extra.outcomes ?? []).map(presentOutcome),
        }
      : null,
    may: {
      edit: can(actor, "challenge.edit", facts),
      manage: can(actor, "challenge.manage", facts),
      review: can(actor, "challenge.review", facts),
      seeMatches: row.status !== "DRAFT" && row.status !== "CANCELLED" && can(actor, "challenge.seeMatches", facts),
      acceptNda: !full && can(actor, "challenge.acceptNda", facts),
      apply: row.status === "OPEN" && row.applicationDeadline.getTime() > Date.now() && !extra.myApplicationId && can(actor, "challenge.apply", facts),
    },
    myApplicationId: extra.myApplicationId,
  };
}
export type ChallengeView = ReturnType<typeof presentChallenge>;
export type MilestoneTally = { total: number; accepted: number; lastAcceptedAt: string | null; nextDueAt: string | null };

/** The milestones of the challenge's projects, counted (the public timeline shows no more). */
async function milestoneTally(challengeId: string): Promise<MilestoneTally> {
  const rows = await prisma.challengeMilestone.findMany({
    where: { application: { challengeId, status: "AWARDED" } },
    select: { status: true, decidedAt: true, dueAt: true },
  });
  const accepted = rows.filter((m) => m.status === "ACCEPTED");
  const open = rows.filter((m) => m.status !== "ACCEPTED").sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const last = accepted.map((m) => m.decidedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    total: rows.length,
    accepted: accepted.length,
    lastAcceptedAt: last ? new Date(last).toISOString() : null,
    nextDueAt: open[0]?.dueAt.toISOString() ?? null,
  };
}

type OutcomeRow = Prisma.ChallengeOutcomeGetPayload<object>;
function presentOutcome(o: OutcomeRow) {
  return {
    monthsAfter: o.monthsAfter,
    indicatorsReached: o.indicatorsReached as { key: string; measured: string; reached: boolean }[],
    products: o.products,
    patentsFiled: o.patentsFiled,
    revenueCny: o.revenueCny,
    followOnContracts: o.followOnContracts,
    contractRegistrationNo: o.contractRegistrationNo,
    notes: o.notes,
    recordedAt: o.recordedAt.toISOString(),
  };
}

export async function getChallengeView(actor: MaybeActor, id: string): Promise<ChallengeView> {
  const { row, facts } = await loadChallenge(prisma, actor, id);
  const [applicationCount, mine, outcomes] = await Promise.all([
    prisma.challengeApplication.count({ where: { challengeId: id, ...COUNTED } }),
    actor
      ? prisma.challengeApplication.findUnique({ where: { challengeId_applicantId: { challengeId: id, applicantId: actor.id } }, select: { id: true } })
      : null,
    prisma.challengeOutcome.findMany({ where: { challengeId: id }, orderBy: { monthsAfter: "asc" } }),
  ]);
  const milestones = row.awardedAt ? await milestoneTally(id) : undefined;
  return presentChallenge(actor, row, facts, { applicationCount, myApplicationId: mine?.id ?? null, outcomes, milestones });
}

/** The public listing: published challenges, filtered by chain, field, region, bounty band, deadline and text. */
export async function listChallenges(actor: MaybeActor, query: ChallengeListQuery, now = new Date()) {
  const pageSize = 20;
  const page = query.page ?? 1;
  const where: Prisma.ChallengeWhereInput = { status: query.status ? query.status : { in: [...PUBLIC_CHALLENGE_STATES] } };
  if (query.chainId) where.chainNode = { chainId: query.chainId };
  if (query.field) where.field = query.field;
  if (query.region) where.region = query.region;
  if (query.bounty) where.bountyTotalCny = bountyBandRange[query.bounty];
  if (query.deadlineWithinDays) where.applicationDeadline = { gt: now, lte: new Date(now.getTime() + query.deadlineWithinDays * 86_400_000) };
  if (query.q) where.id = { in: await searchChallengeIds(query.q) };
  const [rows, total] = await Promise.all([
    prisma.challenge.findMany({
      where,
      orderBy: [{ status: "asc" }, { applicationDeadline: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...challengeRowSelect, _count: { select: { applications: { where: COUNTED } } } },
    }),
    prisma.challenge.count({ where }),
  ]);
  const items = [];
  for (const r of rows) {
    const facts = await viewerChallengeFacts(prisma, actor, r);
    const view = presentChallenge(actor, r, facts, { applicationCount: r._count.applications, myApplicationId: null });
    // A list never carries the problem text: the detail page (and its audit) does.
    items.push({ ...view, details: null });
  }
  return { items, total, page, pageSize };
}

/** Filter options of the listing (values present among published challenges). */
export async function challengeFilterOptions() {
  const rows = await prisma.challenge.findMany({
    where: { status: { in: [...PUBLIC_CHALLENGE_STATES] } },
    select: { field: true, region: true, chainNode: { select: { chain: { select: { id: true, nameZh: true, nameEn: true } } } } },
  });
  const uniq = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  return {
    fields: [...new Set(rows.map((r) => r.field).filter(Boolean))].sort(),
    regions: [...new Set(rows.map((r) => r.region).filter((x): x is string => !!x))].sort(),
    chains: uniq(
      rows.flatMap((r) => (r.chainNode ? [r.chainNode.chain] : [])),
      (c) => c.id,
    ),
  };
}

/** One application as the viewer may see it (applicant side, sponsor, unconflicted panel). */
export async function getApplicationView(actor: MaybeActor, applicationId: string) {
  const { app, challenge, facts } = await loadApplication(prisma, actor, applicationId, "application.read");
  const who = can(actor, "application.seeApplicant", facts);
  const results = app.resultIds.length
    ? await prisma.result.findMany({ where: { id: { in: app.resultIds }, status: "PUBLISHED" }, select: { id: true, title: true } })
    : [];
  return {
    id: app.id,
    status: app.status,
    version: app.version,
    createdAt: app.createdAt.toISOString(),
    challenge: { id: challenge.id, title: challenge.title, status: challenge.status, applicationDeadline: challenge.applicationDeadline.toISOString() },
    applicant: who ? { name: app.applicant.name ?? app.applicant.email, organisation: app.organisation?.name ?? null } : null,
    team: who ? app.team.map((t) => ({ name: t.user.name ?? t.user.email, organisation: t.user.organisation?.name ?? null, role: t.role })) : [],
    approach: app.approach,
    results,
    planMilestones: app.planMilestones as { title: string; deliverables: string; dueAt: string; amountCny: number }[],
    budgetCny: app.budgetCny,
    decisionReason: can(actor, "challenge.manage", facts.challenge) || facts.applicantId === actor?.id || facts.viewerInTeam ? app.decisionReason : null,
    files: (await listChallengeFiles(prisma, actor, facts, { challengeApplicationId: app.id })).map(({ id, fileName, sizeBytes }) => ({
      id,
      fileName,
      sizeBytes,
    })),
    questions: await listQuestions(prisma, actor, app.id, facts),
    may: {
      withdraw:
        can(actor, "application.withdraw", facts) && app.status === "SUBMITTED" && challenge.status === "OPEN" && challenge.applicationDeadline > new Date(),
      attach:
        can(actor, "application.attach", facts) && app.status === "SUBMITTED" && challenge.status === "OPEN" && challenge.applicationDeadline > new Date(),
      ask: can(actor, "application.ask", facts) && app.status === "SHORTLISTED" && challenge.status === "REVIEW",
      answer: can(actor, "application.answer", facts) && challenge.status === "REVIEW",
    },
  };
}

/** Choices of the "new challenge" form: chain nodes, the sponsor's own needs, and (staff) sponsor organisations. */
export async function challengeFormOptions(actor: NonNullable<MaybeActor>) {
  const staff = actor.role === "BROKER" || actor.role === "ADMIN";
  const [nodes, needs, orgs] = await Promise.all([
    prisma.chainNode.findMany({
      orderBy: [{ chainId: "asc" }, { sort: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, chain: { select: { nameZh: true, nameEn: true } } },
    }),
    actor.organisationId && actor.role === "COMPANY"
      ? prisma.need.findMany({
          where: { organisationId: actor.organisationId, status: { in: ["PUBLISHED", "IN_PROGRESS"] } },
          select: { id: true, title: true },
          take: 50,
        })
      : [],
    staff
      ? prisma.organisation.findMany({
          where: { kind: actor.role === "ADMIN" ? { in: ["COMPANY", "GOVERNMENT"] } : "COMPANY" },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
          take: 300,
        })
      : [],
  ]);
  return { nodes, needs, orgs, staff };
}

/** The applicant's published results (of their organisation) to link as prior work. */
export async function applyFormOptions(actor: NonNullable<MaybeActor>) {
  if (!actor.organisationId) return { results: [] };
  const results = await prisma.result.findMany({
    where: { organisationId: actor.organisationId, status: "PUBLISHED" },
    select: { id: true, title: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return { results };
}
