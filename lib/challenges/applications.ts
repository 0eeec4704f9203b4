import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/policy";
import { writeTransition } from "./apply-transition";
import { challengeConflict, challengeInvalid, guardFailed } from "./errors";
import { loadApplication, loadChallenge, permit } from "./load";
import { checkApplicationFiles, storeChallengeFiles } from "./attachments";
import { applicantRecipients, notifyAll, sponsorRecipients } from "./notices";
import type { ApplyInput } from "./schemas";

type Eligibility = { orgKinds?: OrgKind[]; regions?: string[]; qualifications?: string };

/**
 * 揭榜: applies to an OPEN challenge before its deadline. The team joins other platform users
 * (any organisation) by e-mail; prior results must be published ones the applicant's organisation
 * (or a team member's) owns. One application per applicant and challenge.
 */
export async function applyToChallenge(
  actor: Actor,
  challengeId: string,
  input: ApplyInput,
  now = new Date(),
  files: readonly { name: string; bytes: Uint8Array }[] = [],
): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, challengeId);
    permit(actor, "challenge.apply", facts);
    const checked = await checkApplicationFiles(files);
    if (row.status !== "OPEN" || row.applicationDeadline <= now) throw challengeConflict("notOpen");
    const eligibility = (row.eligibility ?? {}) as Eligibility;
    const org = actor.organisationId ? await tx.organisation.findUnique({ where: { id: actor.organisationId }, select: { kind: true, region: true } }) : null;
    if (eligibility.orgKinds?.length && (!org || !eligibility.orgKinds.includes(org.kind))) throw challengeConflict("notEligibleKind");
    if (eligibility.regions?.length && (!org?.region || !eligibility.regions.includes(org.region))) throw challengeConflict("notEligibleRegion");
    const existing = await tx.challengeApplication.findUnique({
      where: { challengeId_applicantId: { challengeId, applicantId: actor.id } },
      select: { id: true },
    });
    if (existing) throw challengeConflict("alreadyApplied");

    const emails = [...new Set(input.teamEmails.map((e) => e.toLowerCase()))].filter((e) => e !== actor.email.toLowerCase());
    const team = emails.length ? await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, organisationId: true } }) : [];
    if (team.length !== emails.length) throw challengeInvalid("teamUnknown", "teamEmails");
    const panel = await tx.challengePanelMember.count({ where: { challengeId, userId: { in: [actor.id, ...team.map((t) => t.id)] } } });
    if (panel) throw challengeInvalid("teamOnPanel", "teamEmails");
    if (team.some((t) => t.organisationId === row.organisationId)) throw challengeInvalid("teamSponsor", "teamEmails");

    const orgIds = [...new Set([actor.organisationId, ...team.map((t) => t.organisationId)].filter((o): o is string => !!o))];
    if (input.resultIds.length) {
      const ok = await tx.result.count({ where: { id: { in: input.resultIds }, status: "PUBLISHED", organisationId: { in: orgIds } } });
      if (ok !== new Set(input.resultIds).size) throw challengeInvalid("resultsNotYours", "resultIds");
    }
    const app = await tx.challengeApplication.create({
      data: {
        challengeId,
        applicantId: actor.id,
        organisationId: actor.organisationId,
        approach: input.approach,
        resultIds: input.resultIds,
        planMilestones: input.planMilestones.map((m) => ({ ...m, dueAt: m.dueAt.toISOString() })) as Prisma.InputJsonValue,
        budgetCny: input.budgetCny,
        team: { create: team.map((t) => ({ userId: t.id })) },
      },
      select: { id: true, version: true },
    });
    await storeChallengeFiles(tx, actor, { challengeApplicationId: app.id }, checked);
    await tx.challengeEvent.create({
      data: { challengeId, machine: "application", subjectId: app.id, fromState: null, toState: "SUBMITTED", actorId: actor.id },
    });
    await notifyAll(
      tx,
      await sponsorRecipients(tx, row),
      "applicationReceived",
      { title: row.title },
      `/challenges/${challengeId}/manage`,
      `challenge-app:${app.id}:received`,
    );
    await notifyAll(
      tx,
      team.map((t) => t.id),
      "teamAdded",
      { title: row.title },
      `/challenges/applications/${app.id}`,
      `challenge-app:${app.id}:team`,
    );
    return app;
  });
}

/** The applicant withdraws, only before the deadline (guard `beforeDeadline`). */
export async function withdrawApplication(actor: Actor, applicationId: string, version: number, now = new Date()): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { app, challenge } = await loadApplication(tx, actor, applicationId, "application.withdraw");
    if (challenge.status !== "OPEN" || challenge.applicationDeadline <= now) throw guardFailed("beforeDeadline");
    const next = await writeTransition(tx, actor, "application", app, version, { to: "WITHDRAWN", met: ["beforeDeadline"] });
    await notifyAll(
      tx,
      await sponsorRecipients(tx, challenge),
      "withdrawn",
      { title: challenge.title },
      `/challenges/${challenge.id}/manage`,
      `challenge-app:${app.id}:withdrawn`,
    );
    return { version: next };
  });
}

/** The sponsor puts an application on (or takes it off) the shortlist during review. */
export async function shortlistApplication(actor: Actor, applicationId: string, version: number, shortlisted: boolean): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { app, challenge } = await loadApplication(tx, actor, applicationId, "application.read");
    const facts = await loadChallenge(tx, actor, challenge.id);
    permit(actor, "challenge.manage", facts.facts);
    if (challenge.status !== "REVIEW") throw challengeConflict("notInReview");
    const next = await writeTransition(tx, actor, "application", app, version, { to: shortlisted ? "SHORTLISTED" : "SUBMITTED" });
    return { version: next };
  });
}

/** Applications the actor made or is on the team of. */
export async function listMyApplications(actor: Actor) {
  authorize(actor, "notification.read"); // any signed-in user; rows are their own (where)
  const rows = await prisma.challengeApplication.findMany({
    where: { OR: [{ applicantId: actor.id }, { team: { some: { userId: actor.id } } }] },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      version: true,
      createdAt: true,
      challenge: { select: { id: true, title: true, status: true, applicationDeadline: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    challenge: { id: r.challenge.id, title: r.challenge.title, status: r.challenge.status, applicationDeadline: r.challenge.applicationDeadline.toISOString() },
  }));
}

export { applicantRecipients };
