import "server-only";
import { MAX_ATTACHMENTS_PER_ITEM, tooManyAttachments } from "@/lib/attachments/attachments";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policy";
import { writeTransition } from "./apply-transition";
import { checkApplicationFiles, listChallengeFiles, storeChallengeFiles } from "./attachments";
import { challengeConflict, challengeInvalid, guardFailed } from "./errors";
import { loadApplication, type ApplicationAction } from "./load";
import { applicantRecipients, notifyAll, sponsorRecipients } from "./notices";

type Tx = Prisma.TransactionClient;

async function loadMilestone(tx: Tx, actor: Actor, milestoneId: string, action: ApplicationAction) {
  const m = await tx.challengeMilestone.findUnique({ where: { id: milestoneId } });
  if (!m) throw new AppError("NOT_FOUND");
  const loaded = await loadApplication(tx, actor, m.applicationId, action);
  if (loaded.app.status !== "AWARDED") throw challengeConflict("notAProject");
  return { ...loaded, milestone: { ...m, challengeId: loaded.challenge.id } };
}

/** The solver (applicant or team member) submits a milestone's deliverables (again, after a rejection). */
export async function submitMilestone(
  actor: Actor,
  milestoneId: string,
  version: number,
  note: string,
  now = new Date(),
  files: readonly { name: string; bytes: Uint8Array }[] = [],
): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { milestone, challenge } = await loadMilestone(tx, actor, milestoneId, "milestone.submit");
    const checked = await checkApplicationFiles(files, 0, "deliverables");
    const next = await writeTransition(tx, actor, "milestone", milestone, version, { to: "SUBMITTED", note, data: { submissionNote: note, submittedAt: now } });
    // Deliverables of this submission (a resubmission after a rejection adds to the earlier ones).
    const already = await tx.attachment.count({ where: { challengeMilestoneId: milestone.id } });
    if (already + checked.length > MAX_ATTACHMENTS_PER_ITEM) throw tooManyAttachments("deliverables");
    await storeChallengeFiles(tx, actor, { challengeMilestoneId: milestone.id }, checked);
    await notifyAll(
      tx,
      await sponsorRecipients(tx, challenge),
      "milestoneSubmitted",
      { title: challenge.title, milestone: milestone.title },
      `/challenges/applications/${milestone.applicationId}/project`,
      `challenge-ms:${milestone.id}:submitted:v${next}`,
    );
    return { version: next };
  });
}

/**
 * The sponsor or an unconflicted panel member accepts or rejects (with a reason) a submitted
 * milestone. Accepting the last open milestone of the last running project completes the challenge
 * (结题验收: AWARDED -> COMPLETED, guard allAccepted).
 */
export async function decideMilestone(
  actor: Actor,
  milestoneId: string,
  input: { version: number; accept: boolean; reason?: string },
  now = new Date(),
): Promise<{ version: number; challengeCompleted: boolean }> {
  return prisma.$transaction(async (tx) => {
    const { milestone, challenge } = await loadMilestone(tx, actor, milestoneId, "milestone.decide");
    if (!input.accept && !input.reason) throw guardFailed("reason");
    const to = input.accept ? "ACCEPTED" : "REJECTED";
    const next = await writeTransition(tx, actor, "milestone", milestone, input.version, {
      to,
      met: input.accept ? [] : ["reason"],
      note: input.reason,
      data: { decisionReason: input.reason ?? null, decidedAt: now },
    });
    const params = { title: challenge.title, milestone: milestone.title, reason: input.reason ?? "" };
    await notifyAll(
      tx,
      await applicantRecipients(tx, milestone.applicationId),
      input.accept ? "milestoneAccepted" : "milestoneRejected",
      params,
      `/challenges/applications/${milestone.applicationId}/project`,
      `challenge-ms:${milestone.id}:${to.toLowerCase()}:v${next}`,
    );
    let challengeCompleted = false;
    if (input.accept && challenge.status === "AWARDED") {
      const open = await tx.challengeMilestone.count({ where: { application: { challengeId: challenge.id, status: "AWARDED" }, status: { not: "ACCEPTED" } } });
      if (open === 0) {
        await writeTransition(
          tx,
          actor,
          "challenge",
          { id: challenge.id, challengeId: challenge.id, status: challenge.status, version: challenge.version },
          challenge.version,
          {
            to: "COMPLETED",
            met: ["allAccepted"],
            note: milestone.title,
            data: { completedAt: now },
          },
        );
        const apps = await tx.challengeApplication.findMany({ where: { challengeId: challenge.id, status: "AWARDED" }, select: { id: true } });
        const solvers = (await Promise.all(apps.map((a) => applicantRecipients(tx, a.id)))).flat();
        await notifyAll(
          tx,
          [...(await sponsorRecipients(tx, challenge)), ...solvers],
          "completed",
          { title: challenge.title },
          `/challenges/${challenge.id}`,
          `challenge:${challenge.id}:completed`,
        );
        await enqueueJob(tx, "index-challenge", { challengeId: challenge.id }, { jobKey: `index-challenge:${challenge.id}` });
        challengeCompleted = true;
      }
    }
    return { version: next, challengeCompleted };
  });
}

/** The sponsor records the payment released for an accepted milestone. */
export async function recordMilestonePayment(
  actor: Actor,
  milestoneId: string,
  input: { version: number; amountCny: number },
  now = new Date(),
): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { milestone } = await loadMilestone(tx, actor, milestoneId, "milestone.recordPayment");
    if (milestone.status !== "ACCEPTED") throw challengeConflict("payOnlyAccepted");
    if (milestone.paidAt) throw challengeConflict("alreadyPaid");
    if (input.amountCny > milestone.amountCny * 2) throw challengeInvalid("paymentTooHigh", "amountCny");
    const next = await writeTransition(tx, actor, "milestone", milestone, input.version, { data: { paidAmountCny: input.amountCny, paidAt: now } });
    await notifyAll(
      tx,
      await applicantRecipients(tx, milestone.applicationId),
      "milestonePaid",
      { milestone: milestone.title, amount: input.amountCny },
      `/challenges/applications/${milestone.applicationId}/project`,
      `challenge-ms:${milestone.id}:paid`,
    );
    return { version: next };
  });
}

/** A project (awarded application) with its milestones, for its solver side, the sponsor and the clear panel. */
export async function getProject(actor: Actor, applicationId: string) {
  const { app, challenge, facts } = await loadApplication(prisma, actor, applicationId, "application.read");
  if (app.status !== "AWARDED") throw challengeConflict("notAProject");
  const milestones = await prisma.challengeMilestone.findMany({ where: { applicationId }, orderBy: { seq: "asc" } });
  const files = await listChallengeFiles(prisma, actor, facts, { challengeMilestoneId: { in: milestones.map((m) => m.id) } });
  return {
    application: { id: app.id, applicant: can(actor, "application.seeApplicant", facts) ? (app.applicant.name ?? app.applicant.email) : null },
    challenge: { id: challenge.id, title: challenge.title, status: challenge.status },
    may: { submit: can(actor, "milestone.submit", facts), decide: can(actor, "milestone.decide", facts), pay: can(actor, "milestone.recordPayment", facts) },
    milestones: milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      deliverables: m.deliverables,
      dueAt: m.dueAt.toISOString(),
      amountCny: m.amountCny,
      status: m.status,
      version: m.version,
      submissionNote: m.submissionNote,
      submittedAt: m.submittedAt?.toISOString() ?? null,
      decisionReason: m.decisionReason,
      decidedAt: m.decidedAt?.toISOString() ?? null,
      paidAmountCny: m.paidAmountCny,
      paidAt: m.paidAt?.toISOString() ?? null,
      late: m.status !== "ACCEPTED" && (m.lateFlaggedAt !== null || m.dueAt.getTime() < Date.now()),
      files: files.filter((f) => f.milestoneId === m.id).map(({ id, fileName, sizeBytes }) => ({ id, fileName, sizeBytes })),
    })),
  };
}
