import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";

// Drafts a broker wrote for the actor's company, waiting for the company to confirm them.
export async function listBrokerDraftsForCompany(actor: Actor) {
  if (actor.role !== "COMPANY" || !actor.organisationId) return [];
  return prisma.need.findMany({
    where: { organisationId: actor.organisationId, status: "DRAFT", brokerId: { not: null } },
    select: { id: true, title: true, visit: { select: { visitedOn: true } }, broker: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
  });
}
