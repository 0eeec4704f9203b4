import "server-only";
import { prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { ensureNda } from "./publish-nda";
import { needSubject, recordAudit } from "./record-audit";
import type { RequestAccessInput } from "./schemas";

// A researcher asks to read a confidential need, accepting its current NDA version. The
// acceptance records who, when, from which IP and the hash of the exact text accepted.
// Rate limited per client IP and per account (lib/security/rate-limit "accessRequest": 429 with
// Retry-After), for the server action and the REST API alike, before anything is written.
export async function requestAccess(
  actor: Actor,
  needId: string,
  input: RequestAccessInput,
  ctx: { ip: string | null },
): Promise<{ id: string; status: "PENDING" }> {
  await consumeRateLimit("accessRequest", { ip: ctx.ip, account: actor.id });
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.findFirst({
      where: { AND: [{ id: needId }, needScopeFor(actor)] },
      select: { id: true, organisationId: true, visibility: true, status: true, brokerId: true },
    });
    if (!need) throw notFound();
    authorize(actor, "need.requestAccess", need);
    const nda = await ensureNda(tx, need.id, null);
    if (input.ndaVersion !== nda.version) {
      throw new AppError("CONFLICT", { key: "access.ndaChanged", fields: { ndaVersion: [{ key: "v.ndaVersion", params: { version: nda.version } }] } });
    }
    const existing = await tx.accessRequest.findUnique({ where: { needId_requesterId: { needId: need.id, requesterId: actor.id } } });
    const live = existing?.status === "APPROVED" && existing.revokedAt === null && existing.expiresAt !== null && existing.expiresAt > new Date();
    if (existing?.status === "PENDING" || live) throw conflict("access.alreadyAsked");

    await tx.ndaAcceptance.upsert({
      where: { ndaId_userId: { ndaId: nda.id, userId: actor.id } },
      create: { ndaId: nda.id, userId: actor.id, textSha256: nda.textSha256, ip: ctx.ip },
      update: { textSha256: nda.textSha256, ip: ctx.ip, acceptedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "nda.accept",
      subject: needSubject(need.id),
      detail: { ndaVersion: nda.version, sha256: nda.textSha256 },
      ip: ctx.ip,
    });

    // A declined, revoked or expired request may be asked again: it goes back to PENDING.
    const fresh = {
      status: "PENDING" as const,
      ndaId: nda.id,
      reasonCode: null,
      decidedById: null,
      decidedAt: null,
      expiresAt: null,
      revokedAt: null,
      createdAt: new Date(),
    };
    const request = existing
      ? await tx.accessRequest.update({ where: { id: existing.id }, data: fresh, select: { id: true } })
      : await tx.accessRequest.create({ data: { ...fresh, needId: need.id, requesterId: actor.id }, select: { id: true } });
    if (input.message) await tx.message.create({ data: { accessRequestId: request.id, senderId: actor.id, body: input.message } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "access.request",
      subject: needSubject(need.id),
      detail: { accessRequestId: request.id, ndaVersion: nda.version },
      ip: ctx.ip,
    });
    await enqueueJob(tx, "access-notify", { accessRequestId: request.id, event: "requested" });
    return { id: request.id, status: "PENDING" };
  });
}
