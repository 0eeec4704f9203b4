import "server-only";
import { prisma } from "@/lib/db";
import { notifyUser } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/policy";
import { writeDeal } from "./apply-transition";
import { guardFailed, invalidTransition } from "./errors";
import { companyRecipients, loadDeal } from "./load-deal";
import { dealNeedParam, notices } from "./notices";
import type { TransitionInput } from "./schemas";
import { checkTransition, stalledFrom } from "./transitions";

// Moves a deal along the pipeline. Only moves in the transition table are accepted; guarded ones
// (introduction, contract) have their own services.
export async function transitionDeal(actor: Actor, id: string, input: TransitionInput) {
  return prisma.$transaction(async (tx) => {
    const deal = await loadDeal(tx, actor, id, "deal.advance");
    const resumeTo =
      deal.state === "STALLED"
        ? stalledFrom(await tx.dealEvent.findMany({ where: { introductionId: id }, orderBy: { at: "asc" }, select: { fromState: true, toState: true } }))
        : null;
    const check = checkTransition(deal.state, input.to, resumeTo);
    if (!check.ok) throw invalidTransition(deal.state, input.to, check.reason);
    if (check.guard === "bothAccepted" || check.guard === "contract") throw guardFailed(check.guard);
    if (check.guard === "reason" && !input.reason) throw guardFailed("reason");
    const version = await writeDeal(tx, actor, deal, input.version, {
      to: input.to,
      note: input.note,
      data: input.to === "DECLINED" ? { declineReason: input.reason } : {},
    });
    const everyone = [...(await companyRecipients(tx, deal.need)), deal.researcherId, ...(deal.brokerId ? [deal.brokerId] : [])].filter((u) => u !== actor.id);
    for (const userId of everyone) {
      const need = dealNeedParam(deal.need, userId, deal.researcherId);
      const notice = input.to === "DECLINED" ? notices.declined(need, input.reason!) : notices.moved(need, input.to);
      await notifyUser(tx, { userId, ...notice, link: `/deals/${id}`, dedupeKey: `deal:${id}:v${version}` });
    }
    return { state: input.to, version };
  });
}
