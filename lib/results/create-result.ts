import "server-only";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { detectLang } from "@/lib/text/detect-lang";
import type { UiLocale } from "@/lib/validation/parse-input";
import type { CreateResultInput } from "./schemas";

export async function createResult(actor: Actor, input: CreateResultInput, locale: UiLocale): Promise<{ id: string }> {
  authorize(actor, "result.create");
  const organisationId = actor.organisationId!;
  return prisma.$transaction(async (tx) => {
    await assertChainNodeExists(tx, input.chainNodeId, locale);
    const result = await tx.result.create({
      data: {
        ...input,
        lang: input.lang ?? detectLang(`${input.title} ${input.summary}`),
        status: "PUBLISHED",
        organisationId,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await enqueueJob(tx, "index-result", { resultId: result.id }, { jobKey: `index-result:${result.id}` });
    return result;
  });
}
