import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { needFactsFrom, needFactsSelect, needScopeFor, viewerNeedInclude, type MaybeActor } from "@/lib/policy";
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
          ...needFactsSelect,
          accessDays: true,
          ...viewerNeedInclude(actor),
        },
      },
    },
  });
  if (!row) return null;
  const facts: NeedFacts = needFactsFrom(row.need);
  return { ...row, facts };
}
