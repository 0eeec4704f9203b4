import "server-only";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";

// After MAX_FAILED wrong passwords in a row an account is locked for LOCK_MINUTES, and its owner
// gets a notice (in-app and by email, sent by the worker). The counter lives in the User row, so it
// holds across app instances; a successful sign-in resets it.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

/** Counts one wrong password; returns true when this failure locked the account. */
export async function recordFailedSignIn(userId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // Atomic increment: concurrent guesses on several instances cannot under-count.
    const user = await tx.user.update({
      where: { id: userId },
      data: { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true, locale: true },
    });
    if (user.failedSignIns < MAX_FAILED_SIGN_INS) return false;
    const lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
    await tx.user.update({ where: { id: userId }, data: { failedSignIns: 0, lockedUntil } });
    const notice = lockNotice(user.locale, lockedUntil);
    const notification = await tx.notification.create({
      data: {
        userId,
        kind: "security.locked",
        ...notice,
        link: `/${user.locale === "en" ? "en" : "zh-CN"}/sign-in`,
        dedupeKey: `security.locked:${lockedUntil.toISOString()}`,
      },
      select: { id: true },
    });
    await enqueueJob(tx, "email-notification", { notificationId: notification.id }, { jobKey: `email-notification:${notification.id}` });
    return true;
  });
}

export async function resetFailedSignIns(user: { id: string; failedSignIns: number; lockedUntil: Date | null }): Promise<void> {
  if (user.failedSignIns === 0 && user.lockedUntil === null) return;
  await prisma.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
}

function lockNotice(locale: "zh" | "en", until: Date) {
  const at = until.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  if (locale === "en") {
    return {
      title: "Your TechBridge account was locked after repeated wrong passwords",
      body: `Someone entered a wrong password for your account ${MAX_FAILED_SIGN_INS} times in a row, so password sign-in is blocked until ${at}. If this was you, wait or sign in with an email link. If not, consider changing your password.`,
    };
  }
  return {
    title: "技术桥账户因多次密码错误已被临时锁定",
    body: `您的账户连续 ${MAX_FAILED_SIGN_INS} 次密码错误，密码登录已暂停至 ${at}。如是本人操作，请稍后再试或使用邮件链接登录；如非本人，建议修改密码。`,
  };
}
