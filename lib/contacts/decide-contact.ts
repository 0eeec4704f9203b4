import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ContactStatus } from "@/lib/generated/prisma/enums";
import { notifyUser } from "@/lib/notifications/notify";
import { authorize, type Actor } from "@/lib/policy";
import { contactFactsOf, contactTitleOf, findContactForParty } from "./load-contact";
import type { DecideContactInput } from "./schemas";
import { canMoveContact } from "./transitions";

/**
 * The owner organisation accepts a contact request (its thread opens) or declines it with a
 * reason code. One write point: the update repeats status PENDING and the version read, so a
 * second decision (another member, a double click, the expiry sweep) gets 409. The sender is
 * notified in the same transaction.
 */
export async function decideContact(actor: Actor, input: DecideContactInput, now: Date = new Date()): Promise<{ status: ContactStatus }> {
  return prisma.$transaction(async (tx) => {
    const row = await findContactForParty(tx, actor, input.contactId);
    if (!row) throw new AppError("NOT_FOUND", { key: "notFound" });
    authorize(actor, "contact.decide", contactFactsOf(row));
    const to: ContactStatus = input.decision === "ACCEPT" ? "ACCEPTED" : "DECLINED";
    if (!canMoveContact(row.status, to)) throw new AppError("CONFLICT", { key: "contactDecided" });
    const reason = input.decision === "DECLINE" ? input.reasonCode : null;
    const updated = await tx.contactRequest.updateMany({
      where: { id: row.id, status: "PENDING", version: row.version },
      data: { status: to, declineReason: reason, decidedAt: now, decidedById: actor.id, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", { key: "contactDecided" });
    await notifyUser(tx, {
      userId: row.senderId,
      kind: to === "ACCEPTED" ? "contact.accepted" : "contact.declined",
      params: { title: contactTitleOf(row), reason: reason ?? "OTHER" },
      link: `/contacts/${row.id}`,
      dedupeKey: `contact:${row.id}:decided`,
    });
    return { status: to };
  });
}
