import "server-only";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Notice } from "./notices";

export type NewNotification = Notice & { userId: string };

/**
 * Stores notifications, skipping any a user already has for the same subject (the unique
 * (userId, dedupeKey) key: nobody is told twice about the same match, even when two jobs race),
 * and queues an email for each new one whose recipient wants mail immediately, in the same
 * transaction. Returns the notifications actually created.
 */
export async function createNotifications(items: readonly NewNotification[]): Promise<{ id: string; userId: string; dedupeKey: string }[]> {
  if (items.length === 0) return [];
  return prisma.$transaction(async (tx) => {
    const created = await tx.notification.createManyAndReturn({
      data: items.map(({ userId, kind, params, link, dedupeKey }) => ({ userId, kind, params, link, dedupeKey })),
      skipDuplicates: true,
      select: { id: true, userId: true, dedupeKey: true },
    });
    if (created.length === 0) return created;
    const immediate = await tx.user.findMany({
      where: { id: { in: [...new Set(created.map((c) => c.userId))] }, emailDigest: "IMMEDIATE" },
      select: { id: true },
    });
    const wantsMail = new Set(immediate.map((u) => u.id));
    for (const n of created) {
      if (wantsMail.has(n.userId)) await enqueueJob(tx, "email-notification", { notificationId: n.id }, { jobKey: `email-notification:${n.id}` });
    }
    return created;
  });
}
