import "server-only";
import { needSubject, recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, can, needFactsFrom, needFactsSelect, needScopeFor, type Actor } from "@/lib/policy";

export type BrokerHelpState = { requestedAt: string | null; broker: { name: string } | null; canChange: boolean };

// 提交经纪人审核: the owner asks the platform's brokers to help with a need. While the request
// stands, any broker may read the need in full to triage it (rules.ts); withdrawing it closes the
// need again to every broker but the one assigned. Both moves are in the need's audit log.
export async function setBrokerHelp(actor: Actor, needId: string, ask: boolean, now = new Date()): Promise<{ requestedAt: string | null }> {
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] }, select: { id: true, ...needFactsSelect } });
    if (!need) throw notFound();
    authorize(actor, "need.askBrokerHelp", needFactsFrom(need));
    const requestedAt = ask ? (need.brokerHelpAt ?? now) : null;
    if ((need.brokerHelpAt === null) !== (requestedAt === null)) {
      await tx.need.update({ where: { id: need.id }, data: { brokerHelpAt: requestedAt } });
      await recordAudit(tx, { actorId: actor.id, action: "need.brokerHelp", subject: needSubject(need.id), detail: { asked: ask } });
    }
    return { requestedAt: requestedAt?.toISOString() ?? null };
  });
}

/** For the owner's need page: whether help was asked, and who the assigned broker is. */
export async function getBrokerHelp(actor: Actor, needId: string): Promise<BrokerHelpState | null> {
  const need = await prisma.need.findFirst({
    where: { AND: [{ id: needId }, needScopeFor(actor)] },
    select: { ...needFactsSelect, broker: { select: { name: true, email: true } } },
  });
  if (!need || actor.organisationId !== need.organisationId) return null;
  return {
    requestedAt: need.brokerHelpAt?.toISOString() ?? null,
    broker: need.broker ? { name: need.broker.name ?? need.broker.email } : null,
    canChange: can(actor, "need.askBrokerHelp", needFactsFrom(need)) && need.status !== "CLOSED" && need.status !== "SOLVED",
  };
}
