import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, type MaybeActor } from "@/lib/policy";

export type NotificationView = { id: string; kind: string; title: string; body: string; link: string | null; read: boolean; createdAt: string };

const PAGE_SIZE = 20;

// Every query carries userId: another user's notification does not exist for the actor.

export async function listNotifications(actor: MaybeActor, page = 1): Promise<{ items: NotificationView[]; total: number; unread: number; pageSize: number }> {
  authorize(actor, "notification.read");
  const where = { userId: actor.id };
  const [rows, total, unread] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: (Math.max(1, page) - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    total,
    unread,
    pageSize: PAGE_SIZE,
  };
}

export async function countUnreadNotifications(actor: MaybeActor): Promise<number> {
  authorize(actor, "notification.read");
  return prisma.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function markNotificationRead(actor: MaybeActor, id: string): Promise<void> {
  authorize(actor, "notification.read");
  const { count } = await prisma.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await prisma.notification.findFirst({ where: { id, userId: actor.id }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
}

export async function markAllNotificationsRead(actor: MaybeActor): Promise<number> {
  authorize(actor, "notification.read");
  const { count } = await prisma.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** Marks the notification read and returns where it points (a path inside the app). */
export async function openNotification(actor: MaybeActor, id: string): Promise<string> {
  authorize(actor, "notification.read");
  const n = await prisma.notification.findFirst({ where: { id, userId: actor.id }, select: { link: true, readAt: true } });
  if (!n) throw new AppError("NOT_FOUND", "Not found");
  if (!n.readAt) await prisma.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  // Links are app paths we stored ourselves; anything else goes to the list.
  // (Deal and broker notices link to deeper pages such as /broker/needs/<id>: up to four segments.)
  return n.link && /^(\/[A-Za-z0-9_-]+){1,4}$/.test(n.link) ? n.link : "/notifications";
}
