import "server-only";
import { prisma } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { notificationMail } from "@/lib/mail/templates";
import { notificationSettingsUrl, openNotificationUrl } from "./urls";

export type EmailNotificationOutcome = "sent" | "already-sent" | "not-immediate" | "missing";

/**
 * Emails one notification at most once, even when the job runs twice (retry, a worker killed
 * mid-batch, two workers). The row stays locked (FOR UPDATE) while the mail is handed to SMTP and
 * `emailedAt` commits right after the server accepted it: a second run waits for the lock and then
 * sees `emailedAt`. A worker killed before the server's "250 OK" rolls back, so the mail is sent on
 * the retry instead of being lost. The Message-ID is derived from the notification id, so in the
 * one remaining window (killed between "250 OK" and COMMIT) the resent copy carries the same id.
 */
export async function emailNotification(notificationId: string): Promise<EmailNotificationOutcome> {
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Notification" WHERE id = ${notificationId} FOR UPDATE`;
      if (locked.length === 0) return "missing";
      const n = await tx.notification.findUniqueOrThrow({
        where: { id: notificationId },
        select: { id: true, kind: true, title: true, body: true, link: true, emailedAt: true, user: { select: { email: true, emailDigest: true, locale: true } } },
      });
      if (n.emailedAt) return "already-sent";
      // Digest users get these in their daily/weekly digest; OFF means in-app only. Security
      // notices (account locked) always go out at once.
      if (n.user.emailDigest !== "IMMEDIATE" && !n.kind.startsWith("security.")) return "not-immediate";
      const lang = n.user.locale;
      await sendMail({
        to: n.user.email,
        ...notificationMail(lang, { title: n.title, body: n.body, url: openNotificationUrl(lang, n.id) }, notificationSettingsUrl(lang)),
        messageId: `<notification.${n.id}@techbridge>`,
      });
      await tx.notification.update({ where: { id: n.id }, data: { emailedAt: new Date() } });
      return "sent";
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
