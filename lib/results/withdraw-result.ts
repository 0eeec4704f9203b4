import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { reconfirmDeadline } from "@/lib/needs/lifecycle";
import { authorize, resultScopeFor, type Actor } from "@/lib/policy";

// The owner takes a result off the catalogue (it leaves the search index); publishing it again,
// or confirming that a published one is still available, starts a new 90-day period.
export async function setResultPublished(actor: Actor, resultId: string, published: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.result.findFirst({ where: { AND: [{ id: resultId }, resultScopeFor(actor)] } });
    if (!current) throw notFound();
    authorize(actor, "result.update", current);
    await tx.result.update({
      where: { id: current.id },
      data: published
        ? { status: "PUBLISHED", reconfirmBy: reconfirmDeadline(new Date()), version: { increment: 1 } }
        : { status: "WITHDRAWN", version: { increment: 1 } },
    });
    await enqueueJob(tx, "index-result", { resultId: current.id }, { jobKey: `index-result:${current.id}` });
  });
}
