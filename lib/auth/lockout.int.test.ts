import { wordNotifications } from "@/lib/notifications/word-notification";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { isLocked, LOCK_MINUTES, MAX_FAILED_SIGN_INS, recordFailedSignIn, resetFailedSignIns } from "./lockout";

afterAll(() => prisma.$disconnect());

describe("account lockout", () => {
  it("locks after repeated wrong passwords, notifies the owner by a queued email, and resets on success", async () => {
    const org = await prisma.organisation.create({ data: { name: `Lock Org ${Date.now()}`, kind: "COMPANY" } });
    const user = await prisma.user.create({ data: { email: `lock-${Date.now()}@example.cn`, role: "COMPANY", organisationId: org.id, locale: "en" } });
    const results: boolean[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) results.push(await recordFailedSignIn(user.id));
    expect(results).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill(false), true]);

    const locked = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(isLocked(locked)).toBe(true);
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan((LOCK_MINUTES - 1) * 60_000);
    const notices = await prisma.notification.findMany({ where: { userId: user.id } });
    expect(notices.map((n) => n.kind)).toEqual(["security.locked"]);
    expect((await wordNotifications("en", notices))[0]!.title).toMatch(/locked/);
    expect((await wordNotifications("zh-CN", notices))[0]!.title).toMatch(/锁定/);
    const jobs = await prisma.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'email-notification'`;
    expect(jobs.map((j) => j.key)).toContain(`email-notification:${notices[0]!.id}`);

    await resetFailedSignIns(locked);
    const reset = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(isLocked(reset)).toBe(false);
    expect(reset.failedSignIns).toBe(0);
  });
});
