import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, type Action, type MaybeActor } from "@/lib/policy";
import type { ResourceOf } from "@/lib/policy/rules";
import type { ApplicationFacts, ChallengeFacts } from "@/lib/policy/rules";
import { AppError } from "@/lib/errors";

type Db = Prisma.TransactionClient;

// Loads a challenge / application with the viewer's relation to it, read on THIS request for THIS
// viewer (NDA accepted, panel seat, team seat, conflict), and authorizes the action against it.
// Rows the viewer may not know of are 404s.

export const challengeRowSelect = {
  id: true,
  organisationId: true,
  createdById: true,
  draftedByBrokerId: true,
  needIds: true,
  title: true,
  teaser: true,
  problem: true,
  field: true,
  keywords: true,
  region: true,
  chainNodeId: true,
  indicators: true,
  bountyTotalCny: true,
  milestoneSplit: true,
  applicationDeadline: true,
  durationMonths: true,
  eligibility: true,
  visibility: true,
  criteria: true,
  blindReview: true,
  status: true,
  version: true,
  publishedAt: true,
  closedAt: true,
  awardedAt: true,
  completedAt: true,
  cancelledAt: true,
  createdAt: true,
  organisation: { select: { id: true, name: true, kind: true } },
  chainNode: { select: { id: true, nameZh: true, nameEn: true, chainId: true } },
} satisfies Prisma.ChallengeSelect;
export type ChallengeRow = Prisma.ChallengeGetPayload<{ select: typeof challengeRowSelect }>;

export async function viewerChallengeFacts(
  db: Db,
  actor: MaybeActor,
  row: Pick<ChallengeRow, "id" | "organisationId" | "status" | "visibility" | "draftedByBrokerId" | "blindReview">,
): Promise<ChallengeFacts & { panelMemberId: string | null }> {
  const [nda, seat] = actor
    ? await Promise.all([
        db.challengeNdaAcceptance.findUnique({ where: { challengeId_userId: { challengeId: row.id, userId: actor.id } }, select: { id: true } }),
        db.challengePanelMember.findUnique({ where: { challengeId_userId: { challengeId: row.id, userId: actor.id } }, select: { id: true } }),
      ])
    : [null, null];
  return {
    organisationId: row.organisationId,
    status: row.status,
    visibility: row.visibility,
    draftedByBrokerId: row.draftedByBrokerId,
    blindReview: row.blindReview,
    ndaAcceptedByViewer: nda !== null,
    viewerOnPanel: seat !== null,
    panelMemberId: seat?.id ?? null,
  };
}

export async function loadChallenge(db: Db, actor: MaybeActor, id: string) {
  const row = await db.challenge.findUnique({ where: { id }, select: challengeRowSelect });
  if (!row) throw new AppError("NOT_FOUND");
  const facts = await viewerChallengeFacts(db, actor, row);
  authorize(actor, "challenge.discover", facts);
  return { row, facts };
}

export const applicationRowSelect = {
  id: true,
  challengeId: true,
  applicantId: true,
  organisationId: true,
  approach: true,
  resultIds: true,
  planMilestones: true,
  budgetCny: true,
  status: true,
  decisionReason: true,
  version: true,
  createdAt: true,
  applicant: { select: { id: true, name: true, email: true } },
  organisation: { select: { id: true, name: true } },
  team: { select: { userId: true, role: true, user: { select: { name: true, email: true, organisation: { select: { name: true } } } } } },
} satisfies Prisma.ChallengeApplicationSelect;
export type ApplicationRow = Prisma.ChallengeApplicationGetPayload<{ select: typeof applicationRowSelect }>;

export async function viewerApplicationFacts(
  db: Db,
  actor: MaybeActor,
  app: { id: string; applicantId: string; team: readonly { userId: string }[] },
  challenge: ChallengeFacts & { panelMemberId: string | null },
): Promise<ApplicationFacts> {
  const conflicted = challenge.panelMemberId
    ? (await db.challengeConflict.findUnique({
        where: { panelMemberId_applicationId: { panelMemberId: challenge.panelMemberId, applicationId: app.id } },
        select: { id: true },
      })) !== null
    : false;
  return {
    challenge,
    applicantId: app.applicantId,
    viewerInTeam: actor !== null && app.team.some((m) => m.userId === actor.id),
    viewerConflicted: conflicted,
  };
}

export type ApplicationAction =
  | "application.read"
  | "application.withdraw"
  | "application.declareConflict"
  | "application.score"
  | "milestone.submit"
  | "milestone.decide"
  | "milestone.recordPayment"
  | "application.ask"
  | "application.answer"
  | "application.attach";

/** The application, its challenge and the viewer's facts; 404 unless the viewer may read it, 403/404 for the action. */
export async function loadApplication(db: Db, actor: MaybeActor, id: string, action: ApplicationAction) {
  const app = await db.challengeApplication.findUnique({ where: { id }, select: applicationRowSelect });
  if (!app) throw new AppError("NOT_FOUND");
  const challenge = await db.challenge.findUniqueOrThrow({ where: { id: app.challengeId }, select: challengeRowSelect });
  const cFacts = await viewerChallengeFacts(db, actor, challenge);
  const facts = await viewerApplicationFacts(db, actor, app, cFacts);
  // A conflicted expert may still declare (again: a no-op); for everything else the application
  // must be readable first, so that its existence is not confirmed to outsiders.
  if (action === "application.declareConflict") {
    if (can(actor, "application.read", facts) || facts.viewerConflicted) permit(actor, action, facts);
    else authorize(actor, action, facts);
  } else {
    authorize(actor, "application.read", facts);
    if (action !== "application.read") permit(actor, action, facts);
  }
  return { app, challenge, facts, panelMemberId: cFacts.panelMemberId };
}

/** For a row the viewer already may see: 401 signed out, 403 when the action is not theirs. */
export function permit<A extends Action>(actor: MaybeActor, action: A, resource: ResourceOf<A>): void {
  if ((can as (a: MaybeActor, action: A, r: ResourceOf<A>) => boolean)(actor, action, resource)) return;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  throw new AppError("FORBIDDEN");
}
