import "server-only";
import { prisma } from "@/lib/db";
import { ensureNda, publishNdaVersion } from "@/lib/access/publish-nda";
import { needSubject, recordAudit } from "@/lib/access/record-audit";
import { conflict, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/logger";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { syncNeed } from "@/lib/search/sync";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { needCrossFieldSchema, type UpdateNeedInput } from "./schemas";

// `ctx.expectedVersion` (the version the editor started from, e.g. an HTTP If-Match) turns a stale
// read-change-write into a 409 instead of silently overwriting someone else's change.
export async function updateNeed(
  actor: Actor,
  needId: string,
  patch: UpdateNeedInput,
  ctx: { ip?: string | null; expectedVersion?: number } = {},
): Promise<{ id: string; version: number }> {
  const { ndaText, ...fields } = patch;
  const result = await prisma.$transaction(async (tx) => {
    // Ownership lives in the query: another organisation's hidden need is simply not found.
    const current = await tx.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] } });
    if (!current) throw notFound();
    authorize(actor, "need.update", current);
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== current.version) throw staleEdit();
    const merged = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    parseOrThrow(needCrossFieldSchema, merged);
    await assertChainNodeExists(tx, fields.chainNodeId);
    // The version check makes a concurrent edit fail loudly instead of silently winning.
    const { count } = await tx.need.updateMany({
      where: { id: current.id, version: current.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw staleEdit();
    if (fields.visibility && fields.visibility !== current.visibility) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "need.visibility",
        subject: needSubject(current.id),
        detail: { from: current.visibility, to: fields.visibility },
        ip: ctx.ip,
      });
    }
    if (ndaText) await publishNdaVersion(tx, current.id, ndaText, actor.id, ctx.ip ?? null);
    else if (merged.visibility === "CONFIDENTIAL") await ensureNda(tx, current.id, actor.id);
    const updated = { id: current.id, version: current.version + 1 };
    await enqueueJob(tx, "index-need", { needId: updated.id }, { jobKey: `index-need:${updated.id}` });
    const exposureChanged = ["visibility", "teaser", "teaserFields", "status"].some((k) => k in fields && fields[k as keyof typeof fields] !== undefined);
    return { ...updated, exposureChanged };
  });
  // The committed job keeps the index right in any case; syncing now as well makes a tightened
  // level leave the index before this request returns. (Reads never trust the index for
  // confidentiality anyway: search hits are re-checked against the database.)
  if (result.exposureChanged) {
    await syncNeed(prisma, result.id).catch((err: unknown) => logger.warn({ err, needId: result.id }, "immediate index sync failed; the job will retry"));
  }
  return { id: result.id, version: result.version };
}

function staleEdit() {
  return conflict("needChanged");
}
