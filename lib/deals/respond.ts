import "server-only";
import { prisma } from "@/lib/db";
import { can, type Actor } from "@/lib/policy";
import { writeDeal } from "./apply-transition";
import { guardFailed, notYourTurn } from "./errors";
import { companyRecipients, dealFacts, loadDeal } from "./load-deal";
import { dealNeedParam, notices } from "./notices";
import { notifyUser } from "@/lib/notifications/notify";
import type { RespondInput } from "./schemas";

// A party answers an introduction. The company side and the researcher each accept or decline;
// once both have accepted the deal is INTRODUCED (and identities are revealed). A decline ends it
// and its reason code goes to the other side.
export async function respondToIntroduction(actor: Actor, id: string, input: RespondInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const deal = await loadDeal(tx, actor, id, "deal.respond");
    if (deal.state !== "SUGGESTED") throw notYourTurn();
    const facts = dealFacts(deal);
    const side = actor.id === deal.researcherId ? "researcher" : can(actor, "deal.respond", facts) ? "company" : null;
    if (!side) throw notYourTurn();
    const companyIds = await companyRecipients(tx, deal.need);
    const others = side === "researcher" ? companyIds : [deal.researcherId];
    if (input.decision === "decline") {
      if (!input.reason) throw guardFailed("reason");
      const version = await writeDeal(tx, actor, deal, input.version, { to: "DECLINED", note: input.note, data: { declineReason: input.reason } });
      for (const userId of [...others, ...(deal.brokerId ? [deal.brokerId] : [])]) {
        await notifyUser(tx, {
          userId,
          ...notices.declined(dealNeedParam(deal.need, userId, deal.researcherId), input.reason),
          link: `/deals/${id}`,
          dedupeKey: `deal:${id}:declined`,
        });
      }
      return { state: "DECLINED" as const, version };
    }
    const accepted = side === "researcher" ? { researcherAcceptedAt: now } : { companyAcceptedAt: now };
    const both = side === "researcher" ? deal.companyAcceptedAt !== null : deal.researcherAcceptedAt !== null;
    const version = await writeDeal(tx, actor, deal, input.version, { to: both ? "INTRODUCED" : undefined, note: input.note, data: accepted });
    if (both) {
      for (const userId of [...companyIds, deal.researcherId, ...(deal.brokerId ? [deal.brokerId] : [])]) {
        await notifyUser(tx, {
          userId,
          ...notices.bothAccepted(dealNeedParam(deal.need, userId, deal.researcherId)),
          link: `/deals/${id}`,
          dedupeKey: `deal:${id}:both-accepted`,
        });
      }
    }
    return { state: both ? ("INTRODUCED" as const) : ("SUGGESTED" as const), version };
  });
}
