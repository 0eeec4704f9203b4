import "server-only";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/policy";
import type { VisitInput } from "@/lib/needs/schemas";

// A broker's record of an on-site company visit (the one visit page, /visits); needs drafted
// there hang off it, written in the wizard with the visit's notes carried into the draft.
export async function createVisit(actor: Actor, input: VisitInput): Promise<{ id: string }> {
  authorize(actor, "visit.create");
  const org = await prisma.organisation.findFirst({ where: { id: input.organisationId, kind: "COMPANY" }, select: { id: true } });
  if (!org) throw new AppError("VALIDATION", { key: "unknownCompany", fields: { organisationId: ["v.chooseCompany"] } });
  return prisma.visit.create({ data: { ...input, brokerId: actor.id }, select: { id: true } });
}

export async function listVisitableCompanies(actor: Actor): Promise<{ id: string; name: string }[]> {
  authorize(actor, "visit.create");
  return prisma.organisation.findMany({ where: { kind: "COMPANY" }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}

export async function listMyVisits(actor: Actor) {
  authorize(actor, "visit.create");
  return prisma.visit.findMany({
    where: { brokerId: actor.id },
    select: {
      id: true,
      visitedOn: true,
      peopleMet: true,
      notes: true,
      organisation: { select: { name: true, verifiedAt: true } },
      needs: { select: { id: true, title: true, status: true } },
    },
    orderBy: { visitedOn: "desc" },
    take: 50,
  });
}

export async function getMyVisit(actor: Actor, visitId: string) {
  authorize(actor, "visit.create");
  const visit = await prisma.visit.findFirst({
    where: { id: visitId, brokerId: actor.id },
    select: {
      id: true,
      visitedOn: true,
      peopleMet: true,
      notes: true,
      organisation: { select: { name: true } },
      needs: { select: { id: true, title: true, status: true } },
    },
  });
  if (!visit) throw notFound();
  return visit;
}
