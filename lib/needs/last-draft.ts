import "server-only";
import { prisma } from "@/lib/db";
import { can, type Actor } from "@/lib/policy";

export type LastDraft = { id: string; title: string; updatedAt: string };

/**
 * The newest draft this member started themselves (not one a broker drafted for their company,
 * which waits for confirmation elsewhere): /needs/new offers to continue it.
 */
export async function findLastOwnDraft(actor: Actor): Promise<LastDraft | null> {
  if (!actor.organisationId || !can(actor, "need.create")) return null;
  const row = await prisma.need.findFirst({
    where: { organisationId: actor.organisationId, createdById: actor.id, status: "DRAFT", visitId: null },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, updatedAt: true },
  });
  return row ? { id: row.id, title: row.title, updatedAt: row.updatedAt.toISOString() } : null;
}
