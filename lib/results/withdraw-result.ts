import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, resultScopeFor, type Actor } from "@/lib/policy";

// The owner takes a result off the catalogue (it leaves the search index); re-publishing brings it back.
export async function setResultPublished(actor: Actor, resultId: string, published: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.result.findFirst({ where: { AND: [{ id: resultId }, resultScopeFor(actor)] } });
    if (!current) throw notFound();
    authorize(actor, "result.update", current);
    await tx.result.update({ where: { id: current.id }, data: { status: published ? "PUBLISHED" : "WITHDRAWN", version: { increment: 1 } } });
    await enqueueJob(tx, "index-result", { resultId: current.id }, { jobKey: `index-result:${current.id}` });
  });
}
