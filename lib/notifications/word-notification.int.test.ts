import { afterAll, describe, expect, it } from "vitest";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { emailNotification } from "./email-notification";
import { notifyUser } from "./notify";
import { listNotifications } from "./read-notifications";
import { sendDigests } from "./send-digests";
import { wordNotifications } from "./word-notification";

// Notifications keep a message key and its params; the reader's language when they are READ
// decides their words (issue 14: the English UI showed Chinese notifications).

type Mail = { to: string[]; subject: string; text?: string };
async function mailTo(email: string): Promise<Mail[]> {
  const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(email)}`);
  return (await res.json()) as Mail[];
}

const unique = () => Math.random().toString(36).slice(2, 8);

async function notifyClarification(userId: string, need: string) {
  const dedupeKey = `test:${unique()}`;
  await prisma.$transaction((tx) =>
    notifyUser(tx, { userId, kind: "need.clarify", params: { need, question: "预算上限是多少？" }, link: "/needs/x", dedupeKey }),
  );
  return prisma.notification.findUniqueOrThrow({ where: { userId_dedupeKey: { userId, dedupeKey } } });
}

afterAll(async () => {
  await prisma.$disconnect();
});

describe("notifications are worded when read, in the reader's language", () => {
  it("stores the key and params, not finished text", async () => {
    const user = await createApiUser("COMPANY");
    const row = await notifyClarification(user.actor.id, "固态电池电解质");
    expect(row).toMatchObject({ kind: "need.clarify", params: { need: "固态电池电解质", question: "预算上限是多少？" }, title: null, body: null });
  });

  it("shows a row written while its reader was Chinese in English once they read in English, page and mail", async () => {
    const user = await createApiUser("COMPANY");
    await prisma.user.update({ where: { id: user.actor.id }, data: { locale: "zh", emailDigest: "IMMEDIATE" } });
    const row = await notifyClarification(user.actor.id, "Solid electrolyte");
    const { items } = await listNotifications(user.actor);
    const [zh] = await wordNotifications("zh-CN", items);
    expect(zh).toMatchObject({ title: "技术经纪人对您的需求「Solid electrolyte」有疑问", body: "预算上限是多少？" });

    // The reader switches to English before the mail goes out: the mail and the page are English.
    await prisma.user.update({ where: { id: user.actor.id }, data: { locale: "en" } });
    const [en] = await wordNotifications("en", items);
    expect(en).toMatchObject({ title: "A broker asks about your need “Solid electrolyte”", body: "预算上限是多少？" });
    expect(await emailNotification(row.id)).toBe("sent");
    const [mail] = await mailTo(user.actor.email);
    expect(mail!.subject).toBe("TechBridge: A broker asks about your need “Solid electrolyte”");
    expect(mail!.text).toContain(`/en/notifications/${row.id}/open`);
    expect(mail!.text).not.toContain("技术经纪人");
  });

  it("mails a Chinese reader's digest in Chinese", async () => {
    const user = await createApiUser("COMPANY");
    await prisma.user.update({ where: { id: user.actor.id }, data: { locale: "zh", emailDigest: "DAILY" } });
    await notifyClarification(user.actor.id, "固态电池电解质");
    await sendDigests("DAILY", new Date(Date.now() + 60_000));
    const [mail] = await mailTo(user.actor.email);
    expect(mail!.subject).toBe("技术桥每日摘要：1 条新通知");
    expect(mail!.text).toContain("技术经纪人对您的需求「固态电池电解质」有疑问");
  });

  it("keeps the stored text of rows written before keys", async () => {
    const user = await createApiUser("COMPANY");
    await prisma.notification.create({ data: { userId: user.actor.id, kind: "match.new", title: "旧通知", body: "旧正文", dedupeKey: `legacy:${unique()}` } });
    const { items } = await listNotifications(user.actor);
    expect((await wordNotifications("en", items)).map((n) => [n.title, n.body])).toEqual([["旧通知", "旧正文"]]);
  });
});
