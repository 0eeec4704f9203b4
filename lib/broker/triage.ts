import "server-only";
import { prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { needSubject } from "@/lib/access/record-audit";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { companyRecipients } from "@/lib/deals/load-deal";
import { recordClarification } from "@/lib/needs/clarifications";
import { notifyUser } from "@/lib/notifications/notify";
import { authorize, can, needFactsFrom, needFactsSelect, needScopeFor, type Actor } from "@/lib/policy";
import { liveGrantWhere } from "@/lib/staff/effective-role";
import type { ProposeEditInput } from "./schemas";

type Tx = Prisma.TransactionClient;
const needFacts = { id: true, title: true, createdById: true, version: true, ...needFactsSelect } as const;

// The need as this broker may know it (needScopeFor), or 404; then the rule for `action`.
async function needFor(tx: Tx, actor: Actor, needId: string, action: "broker.triage" | "broker.claim" | "broker.handOver") {
  const need = await tx.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] }, select: needFacts });
  if (!need) throw notFound();
  authorize(actor, action, needFactsFrom(need));
  return need;
}
const needForTriage = (tx: Tx, actor: Actor, needId: string) => needFor(tx, actor, needId, "broker.triage");

const taken = () => conflict("broker.needTaken");

async function audit(tx: Tx, actor: Actor, action: string, needId: string, detail?: Prisma.InputJsonValue) {
  await tx.auditLog.create({ data: { actorId: actor.id, action, subject: needSubject(needId), detail } });
}

/**
 * "Assign to me": a broker takes an UNASSIGNED need (rules.ts "broker.claim"). `brokerId: null`
 * is part of the update's where, so of two concurrent claims exactly one wins; the other, like a
 * claim on a need that has a broker, is a 409.
 */
export async function claimNeed(actor: Actor, needId: string) {
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] }, select: needFacts });
    if (!need) throw notFound();
    // A broker is told the need is taken (409); anyone else learns nothing (404).
    if (need.brokerId && actor.role === "BROKER") throw taken();
    authorize(actor, "broker.claim", needFactsFrom(need));
    const { count } = await tx.need.updateMany({ where: { id: need.id, brokerId: null }, data: { brokerId: actor.id } });
    if (count === 0) throw taken();
    await audit(tx, actor, "need.assign", need.id, { brokerId: actor.id, via: "claim" });
    return { brokerId: actor.id };
  });
}

/**
 * Moves a need to another broker: its assigned broker hands it over, or a platform admin assigns
 * it (to anyone, taking it from its broker). The update's where repeats the broker read, so a
 * hand-over racing another change of broker is a 409, never a silent overwrite.
 */
export async function handOverNeed(actor: Actor, needId: string, toEmail: string) {
  return prisma.$transaction(async (tx) => {
    const need = await needFor(tx, actor, needId, "broker.handOver");
    // Only a broker who may act now: a revoked or lapsed accreditation cannot receive a need.
    const broker = await tx.user.findFirst({
      where: { email: toEmail.trim().toLowerCase(), role: "BROKER", staffGrants: { some: { role: "BROKER", ...liveGrantWhere(new Date()) } } },
      select: { id: true },
    });
    if (!broker) throw new AppError("VALIDATION", { key: "broker.nameBroker", fields: { brokerEmail: ["v.noBroker"] } });
    if (broker.id === need.brokerId) return { brokerId: broker.id };
    const { count } = await tx.need.updateMany({ where: { id: need.id, brokerId: need.brokerId }, data: { brokerId: broker.id } });
    if (count === 0) throw taken();
    await audit(tx, actor, "need.handOver", need.id, { fromBrokerId: need.brokerId, toBrokerId: broker.id });
    await notifyUser(tx, {
      userId: broker.id,
      kind: "need.assigned",
      params: { need: need.title },
      link: `/broker/needs/${need.id}`,
      dedupeKey: `need:${need.id}:assigned:${Date.now()}`,
    });
    return { brokerId: broker.id };
  });
}

/** Asks the need's owner to clarify; the question goes to them in-app and by email. */
export async function requestClarification(actor: Actor, needId: string, question: string) {
  return prisma.$transaction(async (tx) => {
    const need = await needForTriage(tx, actor, needId);
    await tx.need.update({ where: { id: need.id }, data: { triageStatus: "CLARIFICATION_REQUESTED" } });
    // A row with the question (the owner answers it on the need's page), audited there.
    const clarification = await recordClarification(tx, actor, need.id, question);
    for (const userId of await companyRecipients(tx, need)) {
      await notifyUser(tx, {
        userId,
        kind: "need.clarify",
        link: `/needs/${need.id}#clarifications`,
        params: { need: need.title, question },
        dedupeKey: `need:${need.id}:clarify:${clarification.id}`,
      });
    }
    return { id: clarification.id };
  });
}

/** Marks a need triaged and ready for matching; the broker keeps it. */
export async function markNeedReady(actor: Actor, needId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const need = await needForTriage(tx, actor, needId);
    await tx.need.update({ where: { id: need.id }, data: { triageStatus: "READY", triagedAt: now } });
    await audit(tx, actor, "need.ready", need.id);
  });
}

/** A broker's edit, waiting for the owner's approval before anything changes. */
export async function proposeNeedEdit(actor: Actor, needId: string, input: ProposeEditInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const need = await needForTriage(tx, actor, needId);
    const { note, ...changes } = input;
    const proposal = await tx.needEditProposal.create({ data: { needId: need.id, proposedById: actor.id, changes, note: note ?? null }, select: { id: true } });
    await audit(tx, actor, "need.edit.propose", need.id, { proposalId: proposal.id });
    for (const userId of await companyRecipients(tx, need)) {
      await notifyUser(tx, {
        userId,
        kind: "need.edit.proposed",
        link: `/proposals/${proposal.id}`,
        params: { need: need.title },
        dedupeKey: `proposal:${proposal.id}`,
      });
    }
    return proposal;
  });
}

export type ProposalView = {
  id: string;
  needId: string;
  needTitle: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  note: string | null;
  changes: { field: string; before: string; after: string }[];
};

// The owner sees each proposed change next to the current text.
export async function getNeedEditProposal(actor: Actor, proposalId: string): Promise<ProposalView> {
  const p = await prisma.needEditProposal.findUnique({
    where: { id: proposalId },
    include: { need: { select: { ...needFacts, description: true, field: true, keywords: true } } },
  });
  // It shows the need's current full text: the owner organisation, or the staff triaging it.
  if (!p || (actor.organisationId !== p.need.organisationId && !can(actor, "broker.triage", needFactsFrom(p.need)))) throw notFound();
  const changes = p.changes as Record<string, string | string[]>;
  const current = p.need as unknown as Record<string, string | string[]>;
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join("，") : (v ?? ""));
  return {
    id: p.id,
    needId: p.needId,
    needTitle: p.need.title,
    status: p.status,
    note: p.note,
    changes: Object.keys(changes).map((field) => ({ field, before: text(current[field]), after: text(changes[field]) })),
  };
}

/** The owner approves (the edit is applied, with a version bump and re-indexing) or rejects it. */
export async function decideNeedEdit(actor: Actor, proposalId: string, approve: boolean) {
  return prisma.$transaction(async (tx) => {
    const p = await tx.needEditProposal.findUnique({ where: { id: proposalId }, include: { need: { select: needFacts } } });
    if (!p || actor.organisationId !== p.need.organisationId) throw notFound();
    authorize(actor, "proposal.decide", p.need);
    const claimed = await tx.needEditProposal.updateMany({
      where: { id: p.id, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "REJECTED", decidedById: actor.id, decidedAt: new Date() },
    });
    if (claimed.count === 0) throw conflict("broker.proposalDecided");
    if (approve) {
      const { count } = await tx.need.updateMany({
        where: { id: p.needId, version: p.need.version },
        data: { ...(p.changes as Prisma.NeedUpdateManyMutationInput), version: { increment: 1 } },
      });
      if (count === 0) throw conflict("needChanged");
      await enqueueJob(tx, "index-need", { needId: p.needId }, { jobKey: `index-need:${p.needId}` });
    }
    await audit(tx, actor, approve ? "need.edit.approve" : "need.edit.reject", p.needId, { proposalId: p.id });
    await notifyUser(tx, {
      userId: p.proposedById,
      kind: "need.edit.decided",
      link: `/broker/needs/${p.needId}`,
      params: { need: p.need.title, approved: approve ? "yes" : "no" },
      dedupeKey: `proposal:${p.id}:decided`,
    });
  });
}

export type TriageView = {
  triageStatus: "NEW" | "CLARIFICATION_REQUESTED" | "READY";
  broker: { id: string; name: string } | null;
  /** The owner asked for a broker's help. */
  helpRequested: boolean;
  /** What this viewer may do here (the same rules the actions check). */
  can: { triage: boolean; claim: boolean; handOver: boolean };
  proposals: { id: string; status: "PENDING" | "APPROVED" | "REJECTED"; createdAt: string; fields: string[] }[];
};

export async function getTriage(actor: Actor, needId: string): Promise<TriageView> {
  authorize(actor, "broker.workbench");
  const need = await prisma.need.findFirst({
    where: { AND: [{ id: needId }, needScopeFor(actor)] },
    select: {
      ...needFacts,
      triageStatus: true,
      broker: { select: { id: true, name: true, email: true } },
      editProposals: { orderBy: { createdAt: "desc" }, take: 20 },
    },
  });
  if (!need) throw notFound();
  const facts = needFactsFrom(need);
  const triage = can(actor, "broker.triage", facts);
  return {
    triageStatus: need.triageStatus,
    broker: need.broker ? { id: need.broker.id, name: need.broker.name ?? need.broker.email } : null,
    helpRequested: facts.brokerHelpRequested,
    can: { triage, claim: can(actor, "broker.claim", facts), handOver: can(actor, "broker.handOver", facts) },
    // Proposals carry the need's text: only for those triaging it.
    proposals: triage
      ? need.editProposals.map((p) => ({ id: p.id, status: p.status, createdAt: p.createdAt.toISOString(), fields: Object.keys(p.changes as object) }))
      : [],
  };
}
