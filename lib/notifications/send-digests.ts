import "server-only";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { sendMail } from "@/lib/mail/send-mail";
import { digestMail } from "@/lib/mail/templates";
import { notificationSettingsUrl, openNotificationUrl } from "./urls";

const DAY = 24 * 60 * 60 * 1000;
const MAX_ITEMS = 50;

/**
 * The daily / weekly digest (job "email-digest", scheduled by the worker's crontab): each user
 * with that setting gets one email listing their notifications of the period that are neither
 * read nor mailed yet. Items are claimed before sending and released if the send fails.
 */
export async function sendDigests(frequency: "DAILY" | "WEEKLY", now = new Date()): Promise<{ sent: number; failed: number }> {
  // A little slack so a late-running cron job does not skip what arrived just before the last one.
  const since = new Date(now.getTime() - (frequency === "DAILY" ? 1 : 7) * DAY - 60 * 60 * 1000);
  const pending = { emailedAt: null, readAt: null, createdAt: { gte: since, lte: now } };
  const users = await prisma.user.findMany({
    where: { emailDigest: frequency, notifications: { some: pending } },
    select: { id: true, email: true, locale: true },
  });
  let sent = 0;
  let failed = 0;
  for (const user of users) {
    const items = await prisma.notification.findMany({ where: { userId: user.id, ...pending }, orderBy: { createdAt: "desc" }, take: MAX_ITEMS, select: { id: true, title: true, body: true } });
    const ids = items.map((i) => i.id);
    const claimed = await prisma.notification.updateMany({ where: { id: { in: ids }, emailedAt: null }, data: { emailedAt: now } });
    if (claimed.count !== ids.length) continue; // another digest run took them
    const lang = user.locale;
    try {
      await sendMail({ to: user.email, ...digestMail(lang, frequency, items.map((i) => ({ title: i.title, body: i.body, url: openNotificationUrl(lang, i.id) })), notificationSettingsUrl(lang)) });
      sent++;
    } catch (error) {
      failed++;
      logger.error({ err: error, userId: user.id }, "digest mail failed");
      await prisma.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: null } });
    }
  }
  if (failed > 0) throw new Error(`${failed} digest email(s) failed; the job retries them`);
  return { sent, failed };
}
