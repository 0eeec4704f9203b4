import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor, type MaybeActor } from "@/lib/policy";
import type { ApplicationFacts } from "@/lib/policy/rules";
import { challengeConflict } from "./errors";
import { loadApplication } from "./load";
import { applicantRecipients, notifyAll, sponsorRecipients } from "./notices";

type Tx = Prisma.TransactionClient;

// Questions to applicants (揭榜 review): the sponsor or an unconflicted panel member asks a
// SHORTLISTED applicant while the challenge is in REVIEW; the applicant or a team member answers in
// place, once. Both sides are told (keyed notifications). Confidential like the application: only
// those who read the application see its questions, and under blind review nobody's name is shown
// (the asker is "the sponsor" or "an expert", the answer "the applicant").

const applicationLink = (applicationId: string) => `/challenges/applications/${applicationId}`;

export async function askQuestion(actor: Actor, applicationId: string, question: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const { app, challenge } = await loadApplication(tx, actor, applicationId, "application.ask");
    if (challenge.status !== "REVIEW") throw challengeConflict("notInReview");
    if (app.status !== "SHORTLISTED") throw challengeConflict("questionNotShortlisted");
    const row = await tx.challengeQuestion.create({ data: { applicationId, askedById: actor.id, question }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "challenge.question",
      subject: `challenge:${challenge.id}`,
      detail: { applicationId, questionId: row.id },
    });
    await notifyAll(
      tx,
      await applicantRecipients(tx, applicationId),
      "questionAsked",
      { title: challenge.title },
      applicationLink(applicationId),
      `challenge-q:${row.id}:asked`,
    );
    return row;
  });
}

export async function answerQuestion(actor: Actor, questionId: string, answer: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const q = await tx.challengeQuestion.findUnique({
      where: { id: questionId },
      select: { id: true, applicationId: true, askedById: true, answeredAt: true },
    });
    if (!q) throw new AppError("NOT_FOUND");
    const { challenge } = await loadApplication(tx, actor, q.applicationId, "application.answer");
    if (challenge.status !== "REVIEW") throw challengeConflict("notInReview");
    // Answered once: a second answer (another tab, a team member) must not overwrite the first.
    const written = await tx.challengeQuestion.updateMany({
      where: { id: questionId, answeredAt: null },
      data: { answer, answeredById: actor.id, answeredAt: new Date() },
    });
    if (written.count === 0) throw challengeConflict("questionAnswered");
    await notifyAll(
      tx,
      [q.askedById, ...(await sponsorRecipients(tx, challenge))],
      "questionAnswered",
      { title: challenge.title },
      applicationLink(q.applicationId),
      `challenge-q:${q.id}:answered`,
      actor.id,
    );
    return { id: q.id };
  });
}

export type QuestionView = {
  id: string;
  askedBy: "sponsor" | "panel" | "you";
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  mayAnswer: boolean;
};

/** The application's questions for a viewer who reads the application (the caller checked). */
export async function listQuestions(tx: Tx, actor: MaybeActor, applicationId: string, facts: ApplicationFacts) {
  const rows = await tx.challengeQuestion.findMany({
    where: { applicationId },
    orderBy: { askedAt: "asc" },
    select: {
      id: true,
      askedById: true,
      question: true,
      askedAt: true,
      answer: true,
      answeredAt: true,
      askedBy: { select: { role: true, organisationId: true } },
    },
  });
  const mayAnswer = can(actor, "application.answer", facts);
  return rows.map((r): QuestionView => ({
    id: r.id,
    askedBy:
      actor && r.askedById === actor.id
        ? "you"
        : r.askedBy.organisationId === facts.challenge.organisationId || r.askedBy.role === "ADMIN"
          ? "sponsor"
          : "panel",
    question: r.question,
    askedAt: r.askedAt.toISOString(),
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    mayAnswer: mayAnswer && r.answeredAt === null,
  }));
}
