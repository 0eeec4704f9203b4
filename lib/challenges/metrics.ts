import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type MaybeActor } from "@/lib/policy";
import { PUBLIC_CHALLENGE_STATES } from "./transitions";

export type ChallengeCounts = {
  byStatus: Record<"OPEN" | "REVIEW" | "AWARDED" | "COMPLETED", number>;
  applications: number;
  bountyOpenCny: number;
  bountyAwardedCny: number;
  paidCny: number;
  lateMilestones: number;
  withOutcome: number;
};

// Challenges counted beside needs and deals on /analytics (analysts, staff) and /broker/metrics
// (staff): published challenges by stage, applications, bounty open and awarded, payments released,
// late milestones and completed ones with an outcome evaluation. Counts and sums only.
export async function getChallengeCounts(actor: MaybeActor, via: "analytics.read" | "metrics.read"): Promise<ChallengeCounts> {
  authorize(actor, via);
  const published = { status: { in: [...PUBLIC_CHALLENGE_STATES] } };
  const [groups, applications, open, awarded, paid, late, withOutcome] = await Promise.all([
    prisma.challenge.groupBy({ by: ["status"], where: published, _count: { _all: true } }),
    prisma.challengeApplication.count({ where: { status: { not: "WITHDRAWN" }, challenge: published } }),
    prisma.challenge.aggregate({ where: { status: "OPEN" }, _sum: { bountyTotalCny: true } }),
    prisma.challenge.aggregate({ where: { status: { in: ["AWARDED", "COMPLETED"] } }, _sum: { bountyTotalCny: true } }),
    prisma.challengeMilestone.aggregate({ where: { paidAt: { not: null } }, _sum: { paidAmountCny: true } }),
    prisma.challengeMilestone.count({ where: { lateFlaggedAt: { not: null }, status: { not: "ACCEPTED" } } }),
    prisma.challenge.count({ where: { status: "COMPLETED", outcomes: { some: {} } } }),
  ]);
  const byStatus = { OPEN: 0, REVIEW: 0, AWARDED: 0, COMPLETED: 0 };
  for (const g of groups) if (g.status in byStatus) byStatus[g.status as keyof typeof byStatus] = g._count._all;
  return {
    byStatus,
    applications,
    bountyOpenCny: open._sum.bountyTotalCny ?? 0,
    bountyAwardedCny: awarded._sum.bountyTotalCny ?? 0,
    paidCny: paid._sum.paidAmountCny ?? 0,
    lateMilestones: late,
    withOutcome,
  };
}
