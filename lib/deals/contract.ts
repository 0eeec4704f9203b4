import "server-only";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { notifyUser } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/policy";
import { writeDeal } from "./apply-transition";
import { invalidTransition } from "./errors";
import { companyRecipients, loadDeal } from "./load-deal";
import { dealNeedParam, notices } from "./notices";
import type { ContractInput } from "./schemas";
import { checkTransition } from "./transitions";

export const FOLLOW_UP_MONTHS = [6, 12] as const;
/** The broker is reminded this long before an outcome follow-up is due. */
export const FOLLOW_UP_NOTICE_MS = 7 * 86_400_000;

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

// Records the signed contract and moves the deal to CONTRACT_SIGNED in one step, scheduling the
// 6- and 12-month outcome follow-ups and their reminders to the broker.
export async function recordContract(actor: Actor, id: string, input: ContractInput) {
  return prisma.$transaction(async (tx) => {
    const deal = await loadDeal(tx, actor, id, "deal.advance");
    const check = checkTransition(deal.state, "CONTRACT_SIGNED");
    if (!check.ok) throw invalidTransition(deal.state, "CONTRACT_SIGNED", check.reason);
    const version = await writeDeal(tx, actor, deal, input.version, { to: "CONTRACT_SIGNED", note: input.contractRegistrationNo });
    const signedAt = new Date(`${input.signedAt}T00:00:00Z`);
    const contract = await tx.contract.create({
      data: {
        introductionId: id,
        mode: input.mode,
        valueCny: input.valueCny,
        contractRegistrationNo: input.contractRegistrationNo,
        signedAt,
        milestones: input.milestones,
        followUps: { create: FOLLOW_UP_MONTHS.map((m) => ({ monthsAfter: m, dueAt: addMonths(signedAt, m) })) },
      },
      include: { followUps: true },
    });
    for (const f of contract.followUps) {
      await enqueueJob(
        tx,
        "follow-up-reminder",
        { followUpId: f.id },
        { runAt: new Date(f.dueAt.getTime() - FOLLOW_UP_NOTICE_MS), jobKey: `follow-up:${f.id}` },
      );
    }
    const everyone = [...(await companyRecipients(tx, deal.need)), deal.researcherId, ...(deal.brokerId ? [deal.brokerId] : [])].filter((u) => u !== actor.id);
    for (const userId of everyone) {
      await notifyUser(tx, {
        userId,
        ...notices.moved(dealNeedParam(deal.need, userId, deal.researcherId), "CONTRACT_SIGNED"),
        link: `/deals/${id}`,
        dedupeKey: `deal:${id}:v${version}`,
      });
    }
    return { state: "CONTRACT_SIGNED" as const, version, contractId: contract.id };
  });
}
