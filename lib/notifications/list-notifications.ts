import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";

export type NotificationView = { id: string; kind: string; title: string; body: string; link: string | null; createdAt: string; read: boolean };

// A user's own notifications, newest first; opening the list marks them read.
export async function listMyNotifications(actor: Actor, take = 100): Promise<NotificationView[]> {
  const rows = await prisma.notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take });
  const unread = rows.filter((r) => !r.readAt).map((r) => r.id);
  if (unread.length) await prisma.notification.updateMany({ where: { id: { in: unread }, userId: actor.id }, data: { readAt: new Date() } });
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), read: r.readAt !== null }));
}
