import "server-only";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { detectLang } from "@/lib/text/detect-lang";
import type { CaptureNeedInput, VisitInput } from "./schemas";

// The broker's offline visit log. Needs captured on a visit are drafts of the visited company,
// linked to the visit; the company reviews and publishes them.

export async function logVisit(actor: Actor, input: VisitInput): Promise<{ id: string }> {
  authorize(actor, "visit.log");
  const org = await prisma.organisation.findFirst({ where: { id: input.organisationId, kind: "COMPANY" }, select: { id: true } });
  if (!org) throw new AppError("VALIDATION", { key: "chooseCompany", fields: { organisationId: ["v.chooseCompany"] } });
  return prisma.visit.create({
    data: { brokerId: actor.id, organisationId: org.id, visitedOn: new Date(`${input.visitedOn}T00:00:00Z`), peopleMet: input.peopleMet, notes: input.notes },
    select: { id: true },
  });
}

export async function captureNeedDraft(actor: Actor, visitId: string, input: CaptureNeedInput): Promise<{ id: string }> {
  authorize(actor, "visit.log");
  return prisma.$transaction(async (tx) => {
    const visit = await tx.visit.findFirst({ where: { id: visitId, brokerId: actor.id }, select: { id: true, organisationId: true } });
    if (!visit) throw notFound();
    const need = await tx.need.create({
      data: {
        ...input,
        lang: detectLang(`${input.title} ${input.description}`),
        status: "DRAFT",
        // Nothing is shown beyond the company and brokers until the company reviews the draft.
        visibility: "BROKER_ONLY",
        organisationId: visit.organisationId,
        createdById: actor.id,
        brokerId: actor.id,
        visitId: visit.id,
      },
      select: { id: true },
    });
    await enqueueJob(tx, "index-need", { needId: need.id }, { jobKey: `index-need:${need.id}` });
    return need;
  });
}

export type VisitView = {
  id: string;
  visitedOn: string;
  organisation: string;
  organisationVerified: boolean;
  peopleMet: string;
  notes: string;
  needs: { id: string; title: string; status: string }[];
};

export async function listMyVisits(actor: Actor): Promise<VisitView[]> {
  authorize(actor, "visit.log");
  const rows = await prisma.visit.findMany({
    where: { brokerId: actor.id },
    orderBy: { visitedOn: "desc" },
    take: 100,
    include: { organisation: { select: { name: true, verifiedAt: true } }, needs: { select: { id: true, title: true, status: true } } },
  });
  return rows.map((v) => ({
    id: v.id,
    visitedOn: v.visitedOn.toISOString().slice(0, 10),
    organisation: v.organisation.name,
    organisationVerified: v.organisation.verifiedAt !== null,
    peopleMet: v.peopleMet,
    notes: v.notes,
    needs: v.needs,
  }));
}

export async function listCompanies(actor: Actor) {
  authorize(actor, "visit.log");
  return prisma.organisation.findMany({ where: { kind: "COMPANY" }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 });
}
