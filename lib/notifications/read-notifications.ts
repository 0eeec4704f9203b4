import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, type MaybeActor } from "@/lib/policy";
import { notificationTextSelect, type StoredNotification } from "./word-notification";

/** A notification before wording: the page words it in the reader's language (`wordNotifications`). */
export type NotificationRow = StoredNotification & { id: string; link: string | null; read: boolean; createdAt: string };

const PAGE_SIZE = 20;

// Every query carries userId: another user's notification does not exist for the actor.

export async function listNotifications(actor: MaybeActor, page = 1): Promise<{ items: NotificationRow[]; total: number; unread: number; pageSize: number }> {
  authorize(actor, "notification.read");
  const where = { userId: actor.id };
  const [rows, total, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (Math.max(1, page) - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, ...notificationTextSelect, link: true, readAt: true, createdAt: true },
    }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      params: n.params,
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
    throw notFound();
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
  if (!n) throw notFound();
  if (!n.readAt) await prisma.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  // Links are app paths we stored ourselves; anything else goes to the list.
  // (Deal and broker notices link to deeper pages such as /broker/needs/<id>: up to four segments.)
  // Rows written before links were stored without the locale carry one: the reader's is added instead.
  const link = n.link?.replace(/^\/(zh-CN|en)(?=\/)/, "");
  // A fragment may name the part of the page (#clarifications on a need).
  return link && /^(\/[A-Za-z0-9_-]+){1,4}(#[A-Za-z0-9_-]+)?$/.test(link) ? link : "/notifications";
}
