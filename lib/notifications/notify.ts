import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

type Tx = Prisma.TransactionClient;

export type NotificationParams = Record<string, string | number>;

export type NotifyInput = {
  userId: string;
  /** Also the message key: the words are messages/<locale>/notificationTexts.json `<kind>.title` and `.body`. */
  kind: string;
  /** ICU parameters of the kind's title and body (only what the recipient may see). */
  params?: NotificationParams;
  /** Path without locale, e.g. "/deals/abc"; the reader's locale is prefixed when shown or mailed. */
  link?: string;
  /** One notification per (user, dedupeKey): retries and re-runs never notify twice. */
  dedupeKey: string;
  email?: boolean;
};

// Writes an in-app notification in the caller's transaction (createNotifications opens its own)
// and enqueues its email in the same transaction. The row keeps the key and params; the words are
// chosen when it is read, in the reader's language then (lib/notifications/word-notification.ts).
// Params must be safe for the recipient: callers pass only what that user may see (no
// confidential need text, no company name before the reveal).
export async function notifyUser(tx: Tx, input: NotifyInput): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { emailDigest: true } });
  if (!user) return false;
  const created = await tx.notification.createManyAndReturn({
    data: [{ userId: input.userId, kind: input.kind, params: input.params ?? {}, link: input.link ?? null, dedupeKey: input.dedupeKey }],
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
