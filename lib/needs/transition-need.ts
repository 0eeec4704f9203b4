import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { assertChainNodeExists } from "@/lib/taxonomy/assert-chain-node";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { nextStatus, reconfirmDeadline, type NeedAction } from "./lifecycle";
import { NEED_INPUT_FIELDS } from "./need-input-fields";
import { createNeedSchema } from "./schemas";

// Owner-driven status changes. Publishing validates the whole need (a draft may be incomplete;
// a published need may not) and starts the 90-day re-confirmation clock.
export async function transitionNeed(actor: Actor, needId: string, action: NeedAction): Promise<{ id: string; status: string }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] } });
    if (!current) throw notFound();
    authorize(actor, "need.transition", current);
    const status = nextStatus(current.status, action);
    if (!status) throw conflict("needTransition");
    const now = new Date();
    const data: Record<string, unknown> = { status, version: { increment: 1 } };
    if (action === "publish") {
      parseOrThrow(createNeedSchema, draftAsInput(current));
      await assertChainNodeExists(tx, current.chainNodeId);
      Object.assign(data, { publishedAt: now, reconfirmBy: reconfirmDeadline(now) });
    }
    // Handing a draft in for a broker's review (提交经纪人审核) is asking for a broker's help.
    if (action === "submit" && !current.brokerHelpAt) data.brokerHelpAt = now;
    if (action === "reconfirm") data.reconfirmBy = reconfirmDeadline(now);
    const { count } = await tx.need.updateMany({ where: { id: current.id, version: current.version }, data });
    if (count === 0) throw conflict("needChanged");
    await enqueueJob(tx, "index-need", { needId: current.id }, { jobKey: `index-need:${current.id}` });
    return { id: current.id, status };
  });
}

// The stored row in the shape of the create schema, so publishing gives the same field errors.
function draftAsInput(row: Record<string, unknown>) {
  return Object.fromEntries(NEED_INPUT_FIELDS.map((k) => [k, row[k] ?? undefined]));
}
