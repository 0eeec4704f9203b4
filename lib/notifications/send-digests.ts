import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { sendMailAtMostOnce } from "@/lib/mail/send-mail";
import { digestMail } from "@/lib/mail/templates";
import { localeOfUser } from "@/lib/i18n/translator";
import { notificationSettingsUrl, openNotificationUrl } from "./urls";
import { notificationTextSelect, wordNotifications } from "./word-notification";

const DAY = 24 * 60 * 60 * 1000;
const MAX_ITEMS = 50;

/**
 * The daily / weekly digest (job "email-digest", scheduled by the worker's crontab): each user
 * with that setting gets one email listing their notifications of the period that are neither
 * read nor mailed yet.
 *
 * Sent with the protocol of notification emails (lib/mail/send-mail.ts, sendMailAtMostOnce): the
 * items are marked as emailed only while the SMTP server holds the whole digest but has not
 * accepted it yet. A run killed before that (while connecting, in the middle of the message)
 * leaves them unmarked, so the next run (the job's retry, tomorrow's digest) sends them; a run
 * killed after it has had its digest accepted. A digest whose items another run marked first
 * is abandoned before the server accepts it, so nobody gets the same items twice.
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
    const items = await prisma.notification.findMany({
      where: { userId: user.id, ...pending },
      orderBy: { createdAt: "desc" },
      take: MAX_ITEMS,
      select: { id: true, ...notificationTextSelect },
    });
    if (items.length === 0) continue; // read or mailed meanwhile
    const ids = items.map((i) => i.id);
    const lang = user.locale;
    // Worded now, in the recipient's language now.
    const worded = await wordNotifications(localeOfUser(lang), items);
    const stamp = new Date();
    try {
      const outcome = await sendMailAtMostOnce(
        {
          to: user.email,
          ...(await digestMail(
            localeOfUser(lang),
            frequency,
            worded.map((i) => ({ title: i.title, body: i.body, url: openNotificationUrl(lang, i.id) })),
            notificationSettingsUrl(lang),
          )),
          // The same items give the same Message-ID, so a mailbox recognises a digest sent again.
          messageId: `<digest.${digestKey(ids)}@techbridge>`,
        },
        () => claimItems(ids, stamp),
        async () => void (await prisma.notification.updateMany({ where: { id: { in: ids }, emailedAt: stamp }, data: { emailedAt: null } })),
      );
      if (outcome === "sent") sent++;
    } catch (error) {
      failed++;
      logger.error({ err: error, userId: user.id }, "digest mail failed");
    }
  }
  if (failed > 0) throw new Error(`${failed} digest email(s) failed; the job retries them`);
  return { sent, failed };
}

class ClaimedElsewhere extends Error {}

/**
 * Marks all of a digest's items as emailed, or none when another run marked any of them first.
 * Committed without waiting for the WAL flush, like a notification's claim (claimEmail): the
 * moment between the commit and the final "." of the message is kept as short as possible.
 */
async function claimItems(ids: string[], stamp: Date): Promise<boolean> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
      const { count } = await tx.notification.updateMany({ where: { id: { in: ids }, emailedAt: null }, data: { emailedAt: stamp } });
      if (count !== ids.length) throw new ClaimedElsewhere();
    });
    return true;
  } catch (err) {
    if (err instanceof ClaimedElsewhere) return false;
    throw err;
  }
}

function digestKey(ids: string[]): string {
  return createHash("sha256")
    .update([...ids].sort().join(","))
    .digest("hex")
    .slice(0, 32);
}
