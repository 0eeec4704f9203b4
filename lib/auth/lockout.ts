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
      select: { failedSignIns: true },
    });
    if (user.failedSignIns < MAX_FAILED_SIGN_INS) return false;
    const lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
    await tx.user.update({ where: { id: userId }, data: { failedSignIns: 0, lockedUntil } });
    // Worded when read (messages notificationTexts.security.locked), in the reader's language then.
    const notification = await tx.notification.create({
      data: {
        userId,
        kind: "security.locked",
        params: { attempts: MAX_FAILED_SIGN_INS, until: chinaTime(lockedUntil) },
        link: "/sign-in",
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

/** "2026-12-05 18:30" in China time (the platform's time zone). */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 16);
}
