import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { parseOrThrow, type UiLocale } from "@/lib/validation/parse-input";
import { needCrossFieldSchema, type UpdateNeedInput } from "./schemas";

// `expectedVersion` (the version the editor started from, e.g. an HTTP If-Match) turns a stale
// read-change-write into a 409 instead of silently overwriting someone else's change.
export async function updateNeed(
  actor: Actor,
  needId: string,
  patch: UpdateNeedInput,
  locale: UiLocale,
  expectedVersion?: number,
): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    // Ownership lives in the query: another organisation's hidden need is simply not found.
    const current = await tx.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] } });
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    authorize(actor, "need.update", current);
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleEdit();
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    parseOrThrow(needCrossFieldSchema, merged, locale);
    await assertChainNodeExists(tx, patch.chainNodeId, locale);
    // The version check makes a concurrent edit fail loudly instead of silently winning.
    const { count } = await tx.need.updateMany({
      where: { id: current.id, version: current.version },
      data: { ...patch, version: { increment: 1 } },
    });
    if (count === 0) throw staleEdit();
    const updated = { id: current.id, version: current.version + 1 };
    await enqueueJob(tx, "index-need", { needId: updated.id }, { jobKey: `index-need:${updated.id}` });
    return updated;
  });
}

function staleEdit() {
  return new AppError("CONFLICT", "This need was changed by someone else; reload and try again");
}
