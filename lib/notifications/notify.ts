import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { translatorFor } from "@/lib/i18n/translator";

type Tx = Prisma.TransactionClient;
export type NotificationText = { title: string; body: string };
export type Localized = (lang: "zh" | "en") => NotificationText;

export type NotificationParams = Record<string, string | number>;

export type NotifyInput = {
  userId: string;
  /** Also the message key: the words are messages/<locale>/notificationTexts.json `<kind>.title` and `.body`. */
  kind: string;
  /** ICU parameters of the kind's title and body (only what the recipient may see). */
  params?: NotificationParams;
  /** Legacy: text worded by the caller. New code gives `params` and the words live in messages (issue 12). */
  text?: Localized;
  /** Path without locale, e.g. "/deals/abc"; the reader's locale is prefixed when shown or mailed. */
  link?: string;
  /** One notification per (user, dedupeKey): retries and re-runs never notify twice. */
  dedupeKey: string;
  email?: boolean;
};

// Writes an in-app notification in the caller's transaction (createNotifications opens its own)
// and enqueues its email in the same transaction. Texts must be safe for the recipient: callers pass only what that
// user may see (no confidential need text, no company name before the reveal).
export async function notifyUser(tx: Tx, input: NotifyInput): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { locale: true, emailDigest: true } });
  if (!user) return false;
  const { title, body } = input.text ? input.text(user.locale) : await wordNotification(input.kind, input.params ?? {}, user.locale);
  const created = await tx.notification.createManyAndReturn({
    data: [{ userId: input.userId, kind: input.kind, title, body, link: input.link ?? null, dedupeKey: input.dedupeKey }],
    skipDuplicates: true,
    select: { id: true },
  });
  const row = created[0];
  if (!row) return false;
  // Digest users get it in their daily/weekly digest (lib/notifications/send-digests.ts).
  if (input.email !== false && user.emailDigest === "IMMEDIATE")
    await enqueueJob(tx, "email-notification", { notificationId: row.id }, { jobKey: `email-notification:${row.id}` });
  return true;
}

/** The title and body of a notification kind in the reader's language (messages/notificationTexts.json). */
export async function wordNotification(kind: string, params: NotificationParams, lang: "zh" | "en"): Promise<NotificationText> {
  const t = await translatorFor(lang === "en" ? "en" : "zh-CN");
  return { title: t(`notificationTexts.${kind}.title`, params), body: t(`notificationTexts.${kind}.body`, params) };
}
