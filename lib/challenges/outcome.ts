import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";
import { challengeConflict, challengeInvalid } from "./errors";
import { loadChallenge, permit } from "./load";
import type { OutcomeInput } from "./schemas";

/**
 * The sponsor records the outcome evaluation (成果评估) of a COMPLETED challenge: at completion
 * (monthsAfter 0) and 12 months after: indicators reached with measured values, products, patents,
 * revenue, follow-on contracts and the technology contract registration (技术合同登记) number.
 * Recording the same evaluation again replaces it.
 */
export async function recordChallengeOutcome(actor: Actor, challengeId: string, input: OutcomeInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, challengeId);
    permit(actor, "challenge.manage", facts);
    if (row.status !== "COMPLETED") throw challengeConflict("notCompleted");
    const keys = new Set(((row.indicators as { key: string }[]) ?? []).map((i) => i.key));
    if (input.indicatorsReached.some((i) => !keys.has(i.key))) throw challengeInvalid("unknownIndicator", "indicatorsReached");
    const data = {
      indicatorsReached: input.indicatorsReached as Prisma.InputJsonValue,
      products: input.products ?? null,
      patentsFiled: input.patentsFiled ?? null,
      revenueCny: input.revenueCny ?? null,
      followOnContracts: input.followOnContracts ?? null,
      contractRegistrationNo: input.contractRegistrationNo ?? null,
      notes: input.notes ?? null,
      recordedById: actor.id,
      recordedAt: new Date(),
    };
    const saved = await tx.challengeOutcome.upsert({
      where: { challengeId_monthsAfter: { challengeId, monthsAfter: input.monthsAfter } },
      create: { challengeId, monthsAfter: input.monthsAfter, ...data },
      update: data,
      select: { id: true },
    });
    await tx.challengeEvent.create({
      data: {
        challengeId,
        machine: "challenge",
        subjectId: challengeId,
        fromState: "COMPLETED",
        toState: "COMPLETED",
        actorId: actor.id,
        note: `outcome:${input.monthsAfter}`,
      },
    });
    return saved;
  });
}
