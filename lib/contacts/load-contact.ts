import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { companyRecipients } from "@/lib/deals/load-deal";
import type { ContactFacts } from "@/lib/policy/rules";

type Db = Pick<Prisma.TransactionClient, "contactRequest" | "user">;

export const contactInclude = {
  need: { select: { id: true, title: true, organisationId: true, createdById: true, visibility: true, status: true } },
  result: { select: { id: true, title: true, organisationId: true, createdById: true } },
  sender: { select: { id: true, name: true, email: true, organisation: { select: { name: true } } } },
} as const satisfies Prisma.ContactRequestInclude;

export type ContactRow = Prisma.ContactRequestGetPayload<{ include: typeof contactInclude }>;

/**
 * A contact request the actor is a party to (sender, or a member of the owner organisation): the
 * parties are in the `where`, so anyone else gets null (404), never a row to check afterwards.
 */
export function findContactForParty(db: Db, actor: { id: string; organisationId: string | null }, contactId: string): Promise<ContactRow | null> {
  const sides: Prisma.ContactRequestWhereInput[] = [{ senderId: actor.id }];
  if (actor.organisationId) sides.push({ ownerOrganisationId: actor.organisationId });
  return db.contactRequest.findFirst({ where: { id: contactId, OR: sides }, include: contactInclude });
}

export function contactFactsOf(row: { ownerOrganisationId: string; senderId: string; status: ContactFacts["status"] }): ContactFacts {
  return { ownerOrganisationId: row.ownerOrganisationId, senderId: row.senderId, status: row.status };
}

export function contactTitleOf(row: ContactRow): string {
  return row.need?.title ?? row.result?.title ?? "";
}

/** Who answers for the owner: the need's company contacts, or the result's author. */
export async function ownerRecipients(db: Db, row: Pick<ContactRow, "need" | "result">): Promise<string[]> {
  if (row.need) return companyRecipients(db as Prisma.TransactionClient, row.need);
  return row.result ? [row.result.createdById] : [];
}
