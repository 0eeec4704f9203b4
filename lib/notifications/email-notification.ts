import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

// Job body: mails one notification once. `emailedAt` is claimed before sending so that a retry
// after a successful send does not mail again; a failed send releases the claim for the retry.
export async function emailNotification(db: PrismaClient, notificationId: string): Promise<void> {
  const claimed = await db.notification.updateMany({ where: { id: notificationId, emailedAt: null }, data: { emailedAt: new Date() } });
  if (claimed.count === 0) return;
  const n = await db.notification.findUniqueOrThrow({ where: { id: notificationId }, include: { user: { select: { email: true, locale: true, emailDigest: true } } } });
  if (n.user.emailDigest === "OFF") return;
  const prefix = n.user.locale === "en" ? "/en" : "/zh-CN";
  const url = n.link ? new URL(`${prefix}${n.link}`, env.NEXTAUTH_URL).toString() : null;
  const footer = n.user.locale === "en" ? "TechBridge" : "技术桥 TechBridge";
  try {
    await sendMail({ to: n.user.email, subject: n.title, text: [n.body, url, `— ${footer}`].filter(Boolean).join("\n\n") });
  } catch (error) {
    await db.notification.update({ where: { id: notificationId }, data: { emailedAt: null } });
    throw error;
  }
}
