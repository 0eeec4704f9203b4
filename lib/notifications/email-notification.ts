import "server-only";
import { prisma } from "@/lib/db";
import { sendMailAtMostOnce } from "@/lib/mail/send-mail";
import { notificationMail } from "@/lib/mail/templates";
import { localeOfUser } from "@/lib/i18n/translator";
import { notificationSettingsUrl, openNotificationUrl } from "./urls";
import { notificationTextSelect, wordNotifications } from "./word-notification";

export type EmailNotificationOutcome = "sent" | "already-sent" | "not-immediate" | "missing";

/**
 * Emails one notification at most once, even when the job runs twice (retry, a worker killed
 * mid-batch, two workers at once). `emailedAt` is claimed (a conditional UPDATE, committed) while
 * the SMTP server holds the whole message but has not accepted it yet (lib/mail/send-mail.ts):
 * a run killed before the claim leaves the server nothing, so the retry sends the one copy; a run
 * that loses the claim to another abandons its copy. The Message-ID is derived from the
 * notification id as well.
 */
export async function emailNotification(notificationId: string): Promise<EmailNotificationOutcome> {
  const n = await prisma.notification.findUnique({
    where: { id: notificationId },
    select: { id: true, ...notificationTextSelect, link: true, emailedAt: true, user: { select: { email: true, emailDigest: true, locale: true } } },
  });
  if (!n) return "missing";
  if (n.emailedAt) return "already-sent";
  // Digest users get these in their daily/weekly digest; OFF means in-app only. Security
  // notices (account locked) always go out at once.
  if (n.user.emailDigest !== "IMMEDIATE" && !n.kind.startsWith("security.")) return "not-immediate";
  const lang = n.user.locale;
  // Worded now, in the recipient's language now (the row keeps a key and params).
  const { title, body } = (await wordNotifications(localeOfUser(lang), [n]))[0]!;
  const stamp = new Date();
  const outcome = await sendMailAtMostOnce(
    {
      to: n.user.email,
      ...(await notificationMail(localeOfUser(lang), { title, body, url: openNotificationUrl(lang, n.id) }, notificationSettingsUrl(lang))),
      messageId: `<notification.${n.id}@techbridge>`,
    },
    () => claimEmail({ id: n.id }, stamp),
    async () => void (await prisma.notification.updateMany({ where: { id: n.id, emailedAt: stamp }, data: { emailedAt: null } })),
  );
  return outcome === "sent" ? "sent" : "already-sent";
}

/**
 * Claims a notification's email: sets emailedAt if nobody did. The claim commits without waiting
 * for the WAL flush (synchronous_commit off, for this transaction only): a worker killed after
 * PostgreSQL received the COMMIT but before the final "." went out loses the mail, so that moment
 * is kept as short as possible. (Should PostgreSQL itself crash within a second of the claim, the
 * claim may be rolled back and the mail sent a second time: a crash of the database, not of a
 * worker.)
 */
export async function claimEmail(where: { id: string } | { userId: string; dedupeKey: string }, stamp: Date): Promise<boolean> {
  const [, claimed] = await prisma.$transaction([
    prisma.$executeRaw`SET LOCAL synchronous_commit = off`,
    prisma.notification.updateMany({ where: { ...where, emailedAt: null }, data: { emailedAt: stamp } }),
  ]);
  return claimed.count === 1;
}
