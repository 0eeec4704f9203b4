import "server-only";
import { prisma } from "@/lib/db";
import { ensureNda, publishNdaVersion } from "@/lib/access/publish-nda";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { detectLang } from "@/lib/text/detect-lang";
import type { CreateNeedInput } from "./schemas";

export async function createNeed(actor: Actor, input: CreateNeedInput): Promise<{ id: string }> {
  authorize(actor, "need.create");
  const organisationId = actor.organisationId!;
  const { ndaText, ...fields } = input;
  return prisma.$transaction(async (tx) => {
    await assertChainNodeExists(tx, input.chainNodeId);
    const need = await tx.need.create({
      data: {
        ...fields,
        lang: input.lang ?? detectLang(`${input.title} ${input.description}`),
        status: "PUBLISHED",
        publishedAt: new Date(),
        organisationId,
        createdById: actor.id,
      },
      select: { id: true },
    });
    if (ndaText) await publishNdaVersion(tx, need.id, ndaText, actor.id);
    else if (input.visibility === "CONFIDENTIAL") await ensureNda(tx, need.id, actor.id);
    // Same transaction: the index update commits with the need or not at all.
    await enqueueJob(tx, "index-need", { needId: need.id }, { jobKey: `index-need:${need.id}` });
    return need;
  });
}
