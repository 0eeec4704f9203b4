import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { findAccessRequest } from "./find-access-request";
import { needSubject, recordAudit } from "./record-audit";
import type { DecideAccessInput } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

// The owner (or the broker acting for them) approves or declines a pending request. An approval
// is the grant: it lasts the need's access period (or the days given here) from now.
export async function decideAccess(actor: Actor, requestId: string, input: DecideAccessInput, ctx: { ip: string | null }) {
  return prisma.$transaction(async (tx) => {
    const request = await findAccessRequest(actor, requestId, tx);
    if (!request) throw notFound();
    authorize(actor, "need.manageAccess", request.facts);
    const now = new Date();
    const approve = input.decision === "APPROVE";
    const days = input.days ?? request.need.accessDays;
    const expiresAt = approve ? new Date(now.getTime() + days * DAY_MS) : null;
    // Only a PENDING request can be decided; the status check in the update settles a race.
    const { count } = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: approve ? "APPROVED" : "DECLINED", reasonCode: input.reasonCode, decidedById: actor.id, decidedAt: now, expiresAt, revokedAt: null },
    });
    if (count === 0) throw conflict("access.alreadyDecided");
    await recordAudit(tx, {
      actorId: actor.id,
      action: approve ? "access.grant" : "access.decline",
      subject: needSubject(request.needId),
      detail: { accessRequestId: request.id, requesterId: request.requesterId, reasonCode: input.reasonCode, days: approve ? days : null },
      ip: ctx.ip,
    });
    await enqueueJob(tx, "access-notify", { accessRequestId: request.id, event: approve ? "approved" : "declined" });
    return { id: request.id, status: approve ? ("APPROVED" as const) : ("DECLINED" as const), expiresAt };
  });
}
