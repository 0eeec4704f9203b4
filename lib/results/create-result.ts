import "server-only";
import { attachmentRow, checkAttachmentFile, MAX_ATTACHMENTS_PER_ITEM, tooManyAttachments } from "@/lib/attachments/attachments";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { detectLang } from "@/lib/text/detect-lang";
import type { CreateResultInput } from "./schemas";

/**
 * Publishes a result, with the files attached in the form (PDF and images, checked by content
 * before anything is written: one bad file refuses the whole form with the reason on
 * `attachments`). The row, its attachments and its index job commit together.
 */
export async function createResult(actor: Actor, input: CreateResultInput, files: { name: string; bytes: Uint8Array }[] = []): Promise<{ id: string }> {
  authorize(actor, "result.create");
  const organisationId = actor.organisationId!;
  if (files.length > MAX_ATTACHMENTS_PER_ITEM) throw tooManyAttachments("attachments");
  const checked = await Promise.all(files.map((f) => checkAttachmentFile(f, "attachments")));
  return prisma.$transaction(async (tx) => {
    await assertChainNodeExists(tx, input.chainNodeId);
    if (input.externalId && (await tx.result.findFirst({ where: { organisationId, externalId: input.externalId }, select: { id: true } }))) {
      throw new AppError("CONFLICT", { key: "externalIdTaken", fields: { externalId: ["v.externalIdTaken"] } });
    }
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
    if (checked.length > 0) await tx.attachment.createMany({ data: checked.map((f) => attachmentRow(actor, { resultId: result.id }, f)) });
    await enqueueJob(tx, "index-result", { resultId: result.id }, { jobKey: `index-result:${result.id}` });
    return result;
  });
}
