import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound, forbidden } from "@/lib/errors";
import { can, needFactsSelect, type Actor } from "@/lib/policy";
import type { DealFacts } from "@/lib/policy/rules";

type Tx = Prisma.TransactionClient;
type DealAction = "deal.read" | "deal.respond" | "deal.advance" | "deal.message" | "deal.followUp";

export const dealInclude = {
  need: {
    select: {
      id: true,
      title: true,
      teaser: true,
      description: true,
      version: true,
      createdById: true,
      ...needFactsSelect,
      organisation: { select: { id: true, name: true, verifiedAt: true } },
    },
  },
  researcher: { select: { id: true, name: true, email: true, organisation: { select: { name: true, verifiedAt: true } } } },
  result: { select: { id: true, title: true } },
  broker: { select: { id: true, name: true } },
  contract: { include: { followUps: { orderBy: { monthsAfter: "asc" } } } },
} as const satisfies Prisma.IntroductionInclude;

export type DealRow = Prisma.IntroductionGetPayload<{ include: typeof dealInclude }>;

export function dealFacts(row: { need: { organisationId: string; brokerId?: string | null }; researcherId: string; brokerId: string | null }): DealFacts {
  return { needOrganisationId: row.need.organisationId, researcherId: row.researcherId, brokerId: row.brokerId, needBrokerId: row.need.brokerId ?? null };
}

// Someone outside a deal learns nothing about it, not even that it exists: 404.
export async function loadDeal(tx: Tx, actor: Actor, id: string, action: DealAction): Promise<DealRow> {
  const row = await tx.introduction.findUnique({ where: { id }, include: dealInclude });
  if (!row || !can(actor, "deal.read", dealFacts(row))) throw notFound();
  // Someone in the deal who may not take this step is told so (403), not that it is missing.
  if (!can(actor, action, dealFacts(row))) throw forbidden();
  return row;
}

/** The people on the company side who hear about a deal: the need's author if a company member, else the organisation's company users. */
export async function companyRecipients(tx: Tx, need: { organisationId: string; createdById: string }): Promise<string[]> {
  const users = await tx.user.findMany({ where: { organisationId: need.organisationId, role: "COMPANY" }, select: { id: true, isOrgAdmin: true } });
  if (users.some((u) => u.id === need.createdById)) return [need.createdById];
  const admins = users.filter((u) => u.isOrgAdmin);
  return (admins.length ? admins : users).map((u) => u.id);
}
