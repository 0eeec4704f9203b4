import "server-only";
import type { DealState, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";
import { staleDeal } from "./errors";

type Tx = Prisma.TransactionClient;

// The one place a deal row changes. The `version` in the where clause makes a concurrent edit
// lose loudly (409 with the current state) instead of silently overwriting the winner.
export async function writeDeal(
  tx: Tx,
  actor: Actor,
  deal: { id: string; state: DealState; version: number },
  expectedVersion: number,
  change: { to?: DealState; note?: string; data?: Prisma.IntroductionUpdateManyMutationInput },
): Promise<number> {
  if (expectedVersion !== deal.version) throw staleDeal(deal);
  const { count } = await tx.introduction.updateMany({
    where: { id: deal.id, version: expectedVersion },
    data: { ...change.data, ...(change.to ? { state: change.to } : {}), version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await tx.introduction.findUniqueOrThrow({ where: { id: deal.id }, select: { state: true, version: true } });
    throw staleDeal(now);
  }
  if (change.to && change.to !== deal.state) {
    await tx.dealEvent.create({ data: { introductionId: deal.id, fromState: deal.state, toState: change.to, actorId: actor.id, note: change.note || null } });
  }
  return expectedVersion + 1;
}
