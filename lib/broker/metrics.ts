import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type MaybeActor } from "@/lib/policy";
import { groupMetrics, type DealFact, type GroupMetrics } from "./metrics-compute";

export type BrokerMetrics = { brokers: GroupMetrics[]; offices: GroupMetrics[] };

// Loads every brokered deal's facts (who brokered it, the broker's office, first answer, states
// reached, contract value) and aggregates them. Staff only; nothing confidential is included.
export async function getBrokerMetrics(actor: MaybeActor, since?: Date): Promise<BrokerMetrics> {
  authorize(actor, "metrics.read");
  const rows = await prisma.introduction.findMany({
    where: { brokerId: { not: null }, ...(since ? { createdAt: { gte: since } } : {}) },
    select: {
      createdAt: true,
      companyAcceptedAt: true,
      researcherAcceptedAt: true,
      broker: { select: { name: true, email: true, organisation: { select: { name: true } } } },
      events: { select: { fromState: true, toState: true, at: true } },
      contract: { select: { valueCny: true } },
    },
  });
  const facts: DealFact[] = rows.map((r) => {
    const declinedWhileWaiting = r.events.find((e) => e.fromState === "SUGGESTED" && e.toState === "DECLINED")?.at ?? null;
    const answers = [r.companyAcceptedAt, r.researcherAcceptedAt, declinedWhileWaiting].filter((d): d is Date => d !== null);
    return {
      broker: r.broker?.name ?? r.broker?.email ?? "-",
      office: r.broker?.organisation?.name ?? "-",
      createdAt: r.createdAt,
      firstResponseAt: answers.length ? new Date(Math.min(...answers.map((d) => d.getTime()))) : null,
      states: ["SUGGESTED", ...r.events.map((e) => e.toState)],
      contractValueCny: r.contract?.valueCny ?? null,
    };
  });
  return { brokers: groupMetrics(facts, "broker"), offices: groupMetrics(facts, "office") };
}
