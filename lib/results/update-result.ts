import "server-only";
import { prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { can, resultScopeFor, type Actor } from "@/lib/policy";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { detectLang } from "@/lib/text/detect-lang";
import type { UpdateResultInput } from "./schemas";

/**
 * The owner's organisation edits a result (the whole form: a blank optional field clears it).
 * Anyone else gets 404, whether or not they can read the result. `input.version` is the version
 * the editor loaded: a change made meanwhile makes this a 409, never a silent overwrite. The index
 * job is committed with the row.
 */
export async function updateResult(actor: Actor, resultId: string, input: UpdateResultInput): Promise<{ id: string; version: number }> {
  const { version, lang, ...fields } = input;
  return prisma.$transaction(async (tx) => {
    const current = await tx.result.findFirst({ where: { AND: [{ id: resultId }, resultScopeFor(actor)] } });
    if (!current || !can(actor, "result.update", current)) throw notFound();
    if (current.version !== version) throw staleEdit();
    await assertChainNodeExists(tx, fields.chainNodeId);
    if (fields.externalId && fields.externalId !== current.externalId) {
      const taken = await tx.result.findFirst({
        where: { organisationId: current.organisationId, externalId: fields.externalId, id: { not: current.id } },
        select: { id: true },
      });
      if (taken) {
        throw new AppError("CONFLICT", { key: "externalIdTaken", fields: { externalId: ["v.externalIdTaken"] } });
      }
    }
    const { count } = await tx.result.updateMany({
      where: { id: current.id, version: current.version },
      data: {
        title: fields.title,
        summary: fields.summary,
        description: fields.description ?? null,
        field: fields.field,
        keywords: fields.keywords,
        lang: lang ?? detectLang(`${fields.title} ${fields.summary}`),
        trl: fields.trl ?? null,
        transferModes: fields.transferModes,
        chainNodeId: fields.chainNodeId ?? null,
        externalId: fields.externalId ?? null,
        advantages: fields.advantages ?? null,
        applicationScenarios: fields.applicationScenarios ?? null,
        patents: fields.patents,
        priceExpectation: fields.priceExpectation ?? null,
        lab: fields.lab ?? null,
        team: fields.team ?? null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw staleEdit();
    await enqueueJob(tx, "index-result", { resultId: current.id });
    return { id: current.id, version: current.version + 1 };
  });
}

function staleEdit() {
  return conflict("staleEdit");
}
