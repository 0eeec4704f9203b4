import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { needScopeFor, viewerFactsOf, viewerNeedInclude, type MaybeActor } from "@/lib/policy";
import type { NeedFacts } from "@/lib/policy/rules";

// An access request together with its need's policy facts for THIS viewer (their own grant and
// reveal loaded in the same query). The need's visibility scope is part of the query: a request
// on a need the viewer may not know about is not found.
export async function findAccessRequest(actor: MaybeActor, requestId: string, db: Pick<Prisma.TransactionClient, "accessRequest"> = prisma) {
  const row = await db.accessRequest.findFirst({
    where: { id: requestId, need: needScopeFor(actor) },
    include: {
      need: {
        select: {
          id: true,
          organisationId: true,
          visibility: true,
          status: true,
          brokerId: true,
          accessDays: true,
          ...viewerNeedInclude(actor),
        },
      },
    },
  });
  if (!row) return null;
  const facts: NeedFacts = {
    organisationId: row.need.organisationId,
    visibility: row.need.visibility,
    status: row.need.status,
    brokerId: row.need.brokerId,
    ...viewerFactsOf(row.need),
  };
  return { ...row, facts };
}
