import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { followUpOpensAt } from "./follow-up-window";
import { loadDeal } from "./load-deal";
import type { OutcomeInput } from "./schemas";

// The broker records what a contract led to, 6 and 12 months on.
export async function recordOutcome(actor: Actor, followUpId: string, input: OutcomeInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const followUp = await tx.outcomeFollowUp.findUnique({
      where: { id: followUpId },
      select: { id: true, completedAt: true, dueAt: true, contract: { select: { introductionId: true } } },
    });
    if (!followUp) throw notFound();
    await loadDeal(tx, actor, followUp.contract.introductionId, "deal.followUp");
    const opensAt = followUpOpensAt(followUp.dueAt);
    if (now < opensAt) throw conflict("deal.followUpNotOpen", { date: opensAt.toISOString().slice(0, 10) });
    const { count } = await tx.outcomeFollowUp.updateMany({ where: { id: followUpId, completedAt: null }, data: { ...input, completedAt: now } });
    if (count === 0) throw conflict("deal.followUpRecorded");
    return { id: followUpId };
  });
}
