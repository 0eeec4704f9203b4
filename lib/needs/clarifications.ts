import "server-only";
import { needSubject, recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications/notify";
import { authorize, can, needFactsFrom, needFactsSelect, needScopeFor, type Actor } from "@/lib/policy";

type Tx = Prisma.TransactionClient;

// A broker's clarification request (issue 14): the question is a row on the need, not only the
// text of a notification, so the owner answers it where they read it (the need's page) and the
// broker reads the answer on the triage page. Asking and answering are in the need's audit log
// (ids only, never the text).

export type ClarificationView = {
  id: string;
  question: string;
  askedAt: string;
  askedBy: string;
  answer: string | null;
  answeredAt: string | null;
};

/** Records a question on a need (inside the broker's triage transaction); the need was checked by the caller. */
export async function recordClarification(tx: Tx, actor: Actor, needId: string, question: string): Promise<{ id: string }> {
  const row = await tx.needClarification.create({ data: { needId, askedById: actor.id, question }, select: { id: true } });
  await recordAudit(tx, { actorId: actor.id, action: "need.clarify", subject: needSubject(needId), detail: { clarificationId: row.id } });
  return row;
}

/**
 * The owner's answer. The request is looked up through the needs this actor may see AND of the
 * actor's own organisation (ownership in the where: anyone else gets 404), then the rule; an
 * answered request is a 409, also when two answers race (answeredAt: null in the update's where).
 * The broker who asked is told, in their language when they read it.
 */
export async function answerClarification(actor: Actor, input: { clarificationId: string; answer: string }): Promise<{ needId: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.needClarification.findFirst({
      where: { id: input.clarificationId, need: { AND: [needScopeFor(actor), { organisationId: actor.organisationId ?? "-" }] } },
      select: { id: true, askedById: true, answeredAt: true, need: { select: { id: true, title: true, ...needFactsSelect } } },
    });
    if (!row) throw notFound();
    authorize(actor, "need.answerClarification", needFactsFrom(row.need));
    if (row.answeredAt) throw conflict("broker.clarificationAnswered");
    const { count } = await tx.needClarification.updateMany({
      where: { id: row.id, answeredAt: null },
      data: { answer: input.answer, answeredById: actor.id, answeredAt: new Date() },
    });
    if (count === 0) throw conflict("broker.clarificationAnswered");
    await recordAudit(tx, { actorId: actor.id, action: "need.clarifyAnswer", subject: needSubject(row.need.id), detail: { clarificationId: row.id } });
    // The last open question answered: the need is no longer waiting for the owner in the broker's queue.
    if ((await tx.needClarification.count({ where: { needId: row.need.id, answeredAt: null } })) === 0) {
      await tx.need.updateMany({ where: { id: row.need.id, triageStatus: "CLARIFICATION_REQUESTED" }, data: { triageStatus: "NEW" } });
    }
    // The broker asked on the owner's behalf, so they may see the title; the answer text stays on the page.
    await notifyUser(tx, {
      userId: row.askedById,
      kind: "need.clarifyAnswered",
      params: { need: row.need.title },
      link: `/broker/needs/${row.need.id}`,
      dedupeKey: `need:${row.need.id}:clarify:${row.id}:answered`,
    });
    return { needId: row.need.id };
  });
}

/**
 * The clarification requests of a need, newest first: for its owner organisation (who answers
 * them) and for the staff triaging it (who asked); nobody else learns they exist (empty list).
 */
export async function listClarifications(actor: Actor, needId: string): Promise<{ items: ClarificationView[]; canAnswer: boolean }> {
  const need = await prisma.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] }, select: { id: true, ...needFactsSelect } });
  if (!need) return { items: [], canAnswer: false };
  const facts = needFactsFrom(need);
  const canAnswer = can(actor, "need.answerClarification", facts);
  if (!canAnswer && !can(actor, "broker.triage", facts) && actor.organisationId !== need.organisationId) return { items: [], canAnswer: false };
  const rows = await prisma.needClarification.findMany({
    where: { needId: need.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, question: true, createdAt: true, answer: true, answeredAt: true, askedBy: { select: { name: true, email: true } } },
  });
  return {
    canAnswer,
    items: rows.map((r) => ({
      id: r.id,
      question: r.question,
      askedAt: r.createdAt.toISOString(),
      askedBy: r.askedBy.name ?? r.askedBy.email,
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
  };
}
