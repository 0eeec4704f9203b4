import "server-only";
import { prisma } from "@/lib/db";
import { notifyUser } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/policy";
import type { UiLocale } from "@/lib/validation/parse-input";
import { writeDeal } from "./apply-transition";
import { guardFailed, invalidTransition } from "./errors";
import { companyRecipients, loadDeal } from "./load-deal";
import { notices } from "./notices";
import type { TransitionInput } from "./schemas";
import { checkTransition, stalledFrom } from "./transitions";

// Moves a deal along the pipeline. Only moves in the transition table are accepted; guarded ones
// (introduction, contract) have their own services.
export async function transitionDeal(actor: Actor, id: string, input: TransitionInput, locale: UiLocale) {
  return prisma.$transaction(async (tx) => {
    const deal = await loadDeal(tx, actor, id, "deal.advance");
    const resumeTo =
      deal.state === "STALLED"
        ? stalledFrom(await tx.dealEvent.findMany({ where: { introductionId: id }, orderBy: { at: "asc" }, select: { fromState: true, toState: true } }))
        : null;
    const check = checkTransition(deal.state, input.to, resumeTo);
    if (!check.ok) throw invalidTransition(deal.state, input.to, check.reason, locale);
    if (check.guard === "bothAccepted" || check.guard === "contract") throw guardFailed(check.guard, locale);
    if (check.guard === "reason" && !input.reason) throw guardFailed("reason", locale);
    const version = await writeDeal(
      tx,
      actor,
      deal,
      input.version,
      { to: input.to, note: input.note, data: input.to === "DECLINED" ? { declineReason: input.reason } : {} },
      locale,
    );
    const everyone = [...(await companyRecipients(tx, deal.need)), deal.researcherId, ...(deal.brokerId ? [deal.brokerId] : [])].filter((u) => u !== actor.id);
    const text = input.to === "DECLINED" ? notices.declined(input.reason!) : notices.moved(input.to);
    for (const userId of everyone) {
      await notifyUser(tx, { userId, kind: `deal.${input.to.toLowerCase()}`, text, link: `/deals/${id}`, dedupeKey: `deal:${id}:v${version}` });
    }
    return { state: input.to, version };
  });
}
