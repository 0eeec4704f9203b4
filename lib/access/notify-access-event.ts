import "server-only";
import { prisma } from "@/lib/db";
import type { AccessEvent } from "@/lib/jobs/enqueue";
import { localeOfUser } from "@/lib/i18n/translator";
import { sendMailAtMostOnce } from "@/lib/mail/send-mail";
import { accessEventMail } from "@/lib/mail/templates";
import { claimEmail } from "@/lib/notifications/email-notification";
import { wordNotification } from "@/lib/notifications/word-notification";

// Job "access-notify": tells the other side of an access request what happened, in-app and by
// email. Idempotent per (user, event): a retried job neither duplicates notifications nor mails.
// The notification keeps its key (access.<event>) and params: the need's title where the
// recipient may see it (the owner side always; the requester unless the need is BROKER_ONLY),
// never its text, and a reason code; the words are chosen when read. The email names no need.
export async function notifyAccessEvent(payload: { accessRequestId: string; event: AccessEvent; messageId?: string }): Promise<void> {
  const request = await prisma.accessRequest.findUnique({
    where: { id: payload.accessRequestId },
    include: {
      need: { select: { id: true, title: true, visibility: true, organisationId: true, brokerId: true } },
      requester: { select: { id: true, email: true, locale: true } },
    },
  });
  if (!request) return;
  const toOwnerSide = payload.event === "requested" || (payload.event === "message" && (await senderIsRequester(payload.messageId, request.requesterId)));
  const recipients = toOwnerSide
    ? await prisma.user.findMany({
        where: { OR: [{ organisationId: request.need.organisationId, role: "COMPANY" }, ...(request.need.brokerId ? [{ id: request.need.brokerId }] : [])] },
        select: { id: true, email: true, locale: true },
      })
    : [request.requester];
  const path = toOwnerSide ? `/needs/${request.need.id}/requests` : `/needs/${request.need.id}/access`;
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const stamp = payload.messageId ?? (request.decidedAt ?? request.createdAt).getTime().toString(36);
  const dedupeKey = `access:${request.id}:${payload.event}:${stamp}`;
  const reasonCode = payload.event === "approved" || payload.event === "declined" || payload.event === "revoked" ? request.reasonCode : null;
  const kind = `access.${payload.event}`;
  const params = {
    need: toOwnerSide || request.need.visibility !== "BROKER_ONLY" ? request.need.title : "none",
    reason: reasonCode ?? "none",
  };
  for (const user of recipients) {
    await prisma.notification.createMany({ data: [{ userId: user.id, kind, params, link: path, dedupeKey }], skipDuplicates: true });
    const notification = await prisma.notification.findUnique({ where: { userId_dedupeKey: { userId: user.id, dedupeKey } }, select: { emailedAt: true } });
    if (notification?.emailedAt) continue; // mailed by an earlier run of this job
    const locale = localeOfUser(user.locale);
    // Emails leave the platform: they name no need at all, not even its title.
    const mail = await accessEventMail(locale, await wordNotification(kind, { ...params, need: "none" }, locale), `${base}/${locale}${path}`);
    // At most once, also when this job is killed mid-send and retried (lib/mail/send-mail.ts).
    const sentAt = new Date();
    await sendMailAtMostOnce(
      { to: user.email, ...mail },
      () => claimEmail({ userId: user.id, dedupeKey }, sentAt),
      async () => void (await prisma.notification.updateMany({ where: { userId: user.id, dedupeKey, emailedAt: sentAt }, data: { emailedAt: null } })),
    );
  }
}

async function senderIsRequester(messageId: string | undefined, requesterId: string): Promise<boolean> {
  if (!messageId) return false;
  const m = await prisma.message.findUnique({ where: { id: messageId }, select: { senderId: true } });
  return m?.senderId === requesterId;
}
