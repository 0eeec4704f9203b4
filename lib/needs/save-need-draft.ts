import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { authorize, can, needScopeFor, type Actor } from "@/lib/policy";
import { detectLang } from "@/lib/text/detect-lang";
import type { NeedDraftInput } from "./schemas";

type Target = { needId?: string | null; visitId?: string | null };

// Wizard autosave. A company saves its own drafts; a broker saves drafts written for the company
// they visited (the need belongs to that company, which alone can publish it). Only DRAFT and
// SUBMITTED needs are saved this way: a published need changes through updateNeed.
export async function saveNeedDraft(actor: Actor, target: Target, input: NeedDraftInput): Promise<{ id: string; version: number }> {
  const chainNodeId = input.chainNodeId ?? null;
  return prisma.$transaction(async (tx) => {
    if (chainNodeId && !(await tx.chainNode.findUnique({ where: { id: chainNodeId }, select: { id: true } }))) {
      input = { ...input, chainNodeId: undefined };
    }
    const data = {
      ...emptyToNull(input),
      lang: detectLang(`${input.title} ${input.description}`),
    };
    if (!target.needId) {
      let owner: { organisationId: string; brokerId?: string; visitId?: string };
      if (actor.role === "BROKER") {
        authorize(actor, "visit.create");
        const visit = target.visitId ? await tx.visit.findFirst({ where: { id: target.visitId, brokerId: actor.id } }) : null;
        if (!visit) throw notFound();
        owner = { organisationId: visit.organisationId, brokerId: actor.id, visitId: visit.id };
      } else {
        authorize(actor, "need.create");
        owner = { organisationId: actor.organisationId! };
      }
      return tx.need.create({
        data: { ...data, ...owner, status: "DRAFT", createdById: actor.id },
        select: { id: true, version: true },
      });
    }
    const current = await tx.need.findFirst({ where: { AND: [{ id: target.needId }, needScopeFor(actor)] } });
    if (!current || !(can(actor, "need.update", current) || can(actor, "need.editAsBroker", current))) throw notFound();
    if (current.status !== "DRAFT" && current.status !== "SUBMITTED") {
      throw conflict("needNotDraft");
    }
    return tx.need.update({ where: { id: current.id }, data: { ...data, version: { increment: 1 } }, select: { id: true, version: true } });
  });
}

// Cleared optional fields become NULL in the row (undefined would leave the old value).
function emptyToNull(input: NeedDraftInput) {
  return {
    ...input,
    teaser: input.teaser ?? null,
    chainNodeId: input.chainNodeId ?? null,
    trlTarget: input.trlTarget ?? null,
    budgetMinCny: input.budgetMinCny ?? null,
    budgetMaxCny: input.budgetMaxCny ?? null,
    region: input.region ?? null,
    triedSoFar: input.triedSoFar ?? null,
    desiredOutcome: input.desiredOutcome ?? null,
    acceptanceCriteria: input.acceptanceCriteria ?? null,
    constraints: input.constraints ?? null,
    deadline: input.deadline ?? null,
  };
}
