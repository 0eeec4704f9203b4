import "server-only";
import { prisma } from "@/lib/db";
import { notifyUser } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/policy";
import { companyRecipients, loadDeal } from "./load-deal";
import { dealNeedParam, notices } from "./notices";

// The message thread of one introduction: the two parties and the broker.
export async function postDealMessage(actor: Actor, id: string, body: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const deal = await loadDeal(tx, actor, id, "deal.message");
    const message = await tx.message.create({ data: { introductionId: id, senderId: actor.id, body }, select: { id: true } });
    const everyone = [...(await companyRecipients(tx, deal.need)), deal.researcherId, ...(deal.brokerId ? [deal.brokerId] : [])].filter((u) => u !== actor.id);
    for (const userId of everyone) {
      await notifyUser(tx, {
        userId,
        ...notices.message(dealNeedParam(deal.need, userId, deal.researcherId)),
        link: `/deals/${id}`,
        dedupeKey: `message:${message.id}`,
      });
    }
    return message;
  });
}
