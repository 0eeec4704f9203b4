import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrgKind, Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/policy";
import { quoteFee, tierFor } from "./schedule";
import type { PartnerInput } from "./schemas";
import { writeBooking } from "./write-booking";

type Tx = Prisma.TransactionClient;

// An institution's partners (合作单位): members of these organisations book the institution's
// instruments at the partner price. The institution's admins keep the list; a booking's tier is
// taken from it when booked, and open bookings not yet approved (REQUESTED, PROPOSED) follow a
// change of the list (re-priced, version bumped). Approved and later bookings keep their price.

export type PartnerView = { organisationId: string; name: string; kind: OrgKind; since: string };

/** The organisations `organisationId` counts as partners (for the tier of its bookings). */
export async function partnerIdsOf(db: Pick<Tx, "institutionPartner">, organisationId: string): Promise<string[]> {
  const rows = await db.institutionPartner.findMany({ where: { organisationId }, select: { partnerOrganisationId: true } });
  return rows.map((r) => r.partnerOrganisationId);
}

export async function listPartners(actor: Actor, organisationId: string): Promise<PartnerView[]> {
  authorize(actor, "instrument.partners", { organisationId });
  const rows = await prisma.institutionPartner.findMany({
    where: { organisationId },
    include: { partnerOrganisation: { select: { id: true, name: true, kind: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    organisationId: r.partnerOrganisation.id,
    name: r.partnerOrganisation.name,
    kind: r.partnerOrganisation.kind,
    since: r.createdAt.toISOString(),
  }));
}

/** Organisations whose members booked the institution's instruments and are not partners yet (suggestions). */
export async function partnerSuggestions(actor: Actor, organisationId: string): Promise<{ id: string; name: string }[]> {
  authorize(actor, "instrument.partners", { organisationId });
  const partners = await partnerIdsOf(prisma, organisationId);
  const rows = await prisma.organisation.findMany({
    where: {
      id: { notIn: [organisationId, ...partners] },
      instrumentBookings: { some: { instrument: { organisationId } } },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 50,
  });
  return rows;
}

/** Adds a partner, named by its organisation name (exactly, case aside) or id. */
export async function addPartner(actor: Actor, input: PartnerInput): Promise<{ organisationId: string; repriced: number }> {
  const organisationId = actor?.organisationId ?? "";
  authorize(actor, "instrument.partners", { organisationId });
  const partner = await prisma.organisation.findFirst({
    where: input.partnerOrganisationId ? { id: input.partnerOrganisationId } : { name: { equals: input.name ?? "", mode: "insensitive" } },
    select: { id: true },
  });
  if (!partner) throw new AppError("VALIDATION", { key: "instruments.partnerUnknown", fields: { name: ["v.partnerUnknown"] } });
  if (partner.id === organisationId) throw new AppError("VALIDATION", { key: "instruments.partnerSelf", fields: { name: ["v.partnerSelf"] } });
  return prisma.$transaction(async (tx) => {
    await tx.institutionPartner.upsert({
      where: { organisationId_partnerOrganisationId: { organisationId, partnerOrganisationId: partner.id } },
      create: { organisationId, partnerOrganisationId: partner.id, addedById: actor.id },
      update: {},
    });
    return { organisationId: partner.id, repriced: await repriceOpenBookings(tx, actor, organisationId, partner.id) };
  });
}

export async function removePartner(actor: Actor, partnerOrganisationId: string): Promise<{ repriced: number }> {
  const organisationId = actor?.organisationId ?? "";
  authorize(actor, "instrument.partners", { organisationId });
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.institutionPartner.deleteMany({ where: { organisationId, partnerOrganisationId } });
    if (count === 0) throw new AppError("NOT_FOUND", { key: "instruments.partnerNotFound" });
    return { repriced: await repriceOpenBookings(tx, actor, organisationId, partnerOrganisationId) };
  });
}

/** Open bookings not yet approved of `bookerOrganisationId` at the institution follow its partner list. */
async function repriceOpenBookings(tx: Tx, actor: Actor, institutionId: string, bookerOrganisationId: string): Promise<number> {
  const partners = await partnerIdsOf(tx, institutionId);
  const tier = tierFor({ organisationId: institutionId }, bookerOrganisationId, partners);
  const rows = await tx.instrumentBooking.findMany({
    where: {
      organisationId: bookerOrganisationId,
      status: { in: ["REQUESTED", "PROPOSED"] },
      tier: { not: tier },
      instrument: { organisationId: institutionId },
    },
    include: { instrument: true },
  });
  for (const row of rows) {
    await writeBooking(tx, actor.id, row, row.version, { data: { tier, fee: quoteFee(row.instrument, tier, row, row.sampleCount) } });
  }
  return rows.length;
}
