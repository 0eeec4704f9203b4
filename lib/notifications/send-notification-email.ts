import "server-only";
import { prisma } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { notificationMail } from "@/lib/mail/templates";
import { notificationSettingsUrl, openNotificationUrl } from "./urls";

/**
 * Emails one notification (job "email-notification"). Claims it first (emailedAt), so a retry
 * or a second job never mails it twice; a failed send releases the claim and the job retries.
 */
export async function sendNotificationEmail(notificationId: string): Promise<"sent" | "skipped"> {
  const n = await prisma.notification.findUnique({
    where: { id: notificationId },
    select: { id: true, title: true, body: true, emailedAt: true, user: { select: { email: true, locale: true, emailDigest: true } } },
  });
  if (!n || n.emailedAt || n.user.emailDigest !== "IMMEDIATE") return "skipped";
  const claimed = await prisma.notification.updateMany({ where: { id: n.id, emailedAt: null }, data: { emailedAt: new Date() } });
  if (claimed.count === 0) return "skipped";
  const lang = n.user.locale;
  try {
    await sendMail({ to: n.user.email, ...notificationMail(lang, { title: n.title, body: n.body, url: openNotificationUrl(lang, n.id) }, notificationSettingsUrl(lang)) });
  } catch (error) {
    await prisma.notification.update({ where: { id: n.id }, data: { emailedAt: null } });
    throw error;
  }
  return "sent";
}
