import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, can, type Actor } from "@/lib/policy";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { findAccessRequest } from "./find-access-request";
import type { PostMessageInput } from "./schemas";

export type MessageView = {
  id: string;
  body: string;
  createdAt: string;
  side: "requester" | "owner";
  mine: boolean;
  /** Who wrote it, as this viewer may know: null means "anonymous company" until the reveal. */
  senderLabel: string | null;
};

export type ThreadView = { requestId: string; needId: string; status: string; messages: MessageView[] };

// The message thread on an access request. It is as confidential as the need: the requester
// reads it only while they may read the need in full; the company stays anonymous to them until
// both sides accepted an introduction.
export async function getAccessThread(actor: Actor, requestId: string): Promise<ThreadView> {
  const request = await findAccessRequest(actor, requestId);
  if (!request) throw notFound();
  authorize(actor, "accessThread.use", { requesterId: request.requesterId, need: request.facts });
  const revealed = can(actor, "need.seeOwner", request.facts);
  const rows = await prisma.message.findMany({
    where: { accessRequestId: request.id },
    orderBy: { createdAt: "asc" },
    include: { sender: { select: { id: true, name: true, email: true } } },
  });
  const org = revealed ? await prisma.organisation.findUnique({ where: { id: request.need.organisationId }, select: { name: true } }) : null;
  const viewerIsRequester = actor.id === request.requesterId;
  return {
    requestId: request.id,
    needId: request.needId,
    status: request.status,
    messages: rows.map((m) => {
      const side = m.senderId === request.requesterId ? "requester" : "owner";
      const label = side === "owner" ? (viewerIsRequester ? (org?.name ?? null) : (m.sender.name ?? m.sender.email)) : (m.sender.name ?? m.sender.email);
      return { id: m.id, body: m.body, createdAt: m.createdAt.toISOString(), side, mine: m.senderId === actor.id, senderLabel: label };
    }),
  };
}

// Rate limited per client IP and per account (lib/security/rate-limit "message": 429 with
// Retry-After), for the server action and the REST API alike.
export async function postAccessMessage(
  actor: Actor,
  requestId: string,
  input: PostMessageInput,
  ctx: { ip: string | null } = { ip: null },
): Promise<{ id: string }> {
  await consumeRateLimit("message", { ip: ctx.ip, account: actor.id });
  return prisma.$transaction(async (tx) => {
    const request = await findAccessRequest(actor, requestId, tx);
    if (!request) throw notFound();
    authorize(actor, "accessThread.use", { requesterId: request.requesterId, need: request.facts });
    const message = await tx.message.create({ data: { accessRequestId: request.id, senderId: actor.id, body: input.body }, select: { id: true } });
    await enqueueJob(tx, "access-notify", { accessRequestId: request.id, event: "message", messageId: message.id });
    return message;
  });
}
