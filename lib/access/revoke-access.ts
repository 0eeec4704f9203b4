import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, type Actor } from "@/lib/policy";
import { findAccessRequest } from "./find-access-request";
import { needSubject, recordAudit } from "./record-audit";
import type { RevokeAccessInput } from "./schemas";

// Ends a grant now. Every read loads the grant in its query, so the researcher's very next
// request shows the teaser again.
export async function revokeAccess(actor: Actor, requestId: string, input: RevokeAccessInput, ctx: { ip: string | null }) {
  return prisma.$transaction(async (tx) => {
    const request = await findAccessRequest(actor, requestId, tx);
    if (!request) throw notFound();
    authorize(actor, "need.manageAccess", request.facts);
    const { count } = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "APPROVED" },
      data: { status: "REVOKED", revokedAt: new Date(), reasonCode: input.reasonCode, decidedById: actor.id },
    });
    if (count === 0) throw conflict("access.onlyApprovedRevocable");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "access.revoke",
      subject: needSubject(request.needId),
      detail: { accessRequestId: request.id, requesterId: request.requesterId, reasonCode: input.reasonCode },
      ip: ctx.ip,
    });
    await enqueueJob(tx, "access-notify", { accessRequestId: request.id, event: "revoked" });
    return { id: request.id, status: "REVOKED" as const };
  });
}
