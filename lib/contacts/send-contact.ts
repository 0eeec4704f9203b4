import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";
import { notifyUser } from "@/lib/notifications/notify";
import { authorize, resultScopeFor, type Actor } from "@/lib/policy";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { ownerRecipients, contactInclude } from "./load-contact";
import { CONTACT_REMIND_BEFORE_DAYS, CONTACT_RESPOND_DAYS } from "./reasons";
import type { SendContactInput } from "./schemas";

const DAY = 86_400_000;

/**
 * "我有方案 / I can help" on a need or "感兴趣 / I'm interested" on a result: a member's short
 * message to the owner. The target is loaded through the sender's own scope (a need they may
 * not discover is 404), the policy decides ("contact.offer" / "contact.interest"), one request
 * per sender and target (409 after that). The owner is notified in the same transaction, and
 * the reminder and expiry jobs are queued for the deadline. Rate limited per account and IP.
 */
export async function sendContact(actor: Actor, input: SendContactInput, ctx: { ip: string | null; now?: Date }): Promise<{ id: string }> {
  await consumeRateLimit("contact", { ip: ctx.ip, account: actor.id });
  const now = ctx.now ?? new Date();
  const target = await loadTarget(actor, input);
  const respondBy = new Date(now.getTime() + CONTACT_RESPOND_DAYS * DAY);
  const created = prisma.$transaction(async (tx) => {
    const existing = await tx.contactRequest.findFirst({
      where: { senderId: actor.id, ...(input.target === "need" ? { needId: input.targetId } : { resultId: input.targetId }) },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", { key: "contactExists", detail: { contactId: existing.id } });
    const row = await tx.contactRequest.create({
      data: {
        kind: input.target === "need" ? "NEED_OFFER" : "RESULT_INTEREST",
        needId: input.target === "need" ? input.targetId : null,
        resultId: input.target === "result" ? input.targetId : null,
        senderId: actor.id,
        ownerOrganisationId: target.organisationId,
        message: input.message,
        respondBy,
        createdAt: now,
      },
      include: contactInclude,
    });
    for (const userId of await ownerRecipients(tx, row)) {
      await notifyUser(tx, {
        userId,
        kind: input.target === "need" ? "contact.offerReceived" : "contact.interestReceived",
        params: {
          title: target.title,
          sender: row.sender.name ?? row.sender.email,
          organisation: row.sender.organisation?.name ?? "none",
          respondBy: respondBy.toISOString().slice(0, 10),
        },
        link: `/contacts/${row.id}`,
        dedupeKey: `contact:${row.id}:received`,
      });
    }
    const remindAt = new Date(respondBy.getTime() - CONTACT_REMIND_BEFORE_DAYS * DAY);
    if (remindAt > now) await enqueueJob(tx, "contact-remind", { contactId: row.id }, { runAt: remindAt, jobKey: `contact-remind:${row.id}` });
    await enqueueJob(tx, "contact-expire", { contactId: row.id }, { runAt: respondBy, jobKey: `contact-expire:${row.id}` });
    return { id: row.id };
  });
  // Two submissions at once: the unique (sender, target) key lets one through.
  return created.catch((e: unknown) => {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", { key: "contactExists" });
    throw e;
  });
}

async function loadTarget(actor: Actor, input: SendContactInput): Promise<{ organisationId: string; title: string }> {
  if (input.target === "need") {
    const row = await findNeedRow(actor, input.targetId);
    if (!row) throw new AppError("NOT_FOUND", { key: "notFound" });
    authorize(actor, "contact.offer", needFactsOf(row));
    return { organisationId: row.organisationId, title: row.title };
  }
  const row = await prisma.result.findFirst({
    where: { AND: [{ id: input.targetId }, resultScopeFor(actor)] },
    select: { organisationId: true, status: true, title: true },
  });
  if (!row) throw new AppError("NOT_FOUND", { key: "notFound" });
  authorize(actor, "contact.interest", row);
  return { organisationId: row.organisationId, title: row.title };
}
