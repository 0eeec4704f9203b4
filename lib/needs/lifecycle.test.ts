import { describe, expect, it } from "vitest";
import { availableActions, nextStatus, reconfirmDeadline, reconfirmDueSoon, reconfirmReminderStage } from "./lifecycle";
import { reconfirmReminderNotice, needExpiredNotice, shenzhenDate } from "./reconfirm-notices";
import { wordNotification } from "@/lib/notifications/word-notification";

describe("need lifecycle", () => {
  it("moves a need from draft to solved", () => {
    expect(nextStatus("DRAFT", "submit")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "publish")).toBe("PUBLISHED");
    expect(nextStatus("DRAFT", "publish")).toBe("PUBLISHED");
    expect(nextStatus("PUBLISHED", "start")).toBe("IN_PROGRESS");
    expect(nextStatus("IN_PROGRESS", "solve")).toBe("SOLVED");
  });
  it("refuses transitions that skip or reverse the flow", () => {
    expect(nextStatus("SOLVED", "publish")).toBeNull();
    expect(nextStatus("CLOSED", "reconfirm")).toBeNull();
    expect(nextStatus("DRAFT", "start")).toBeNull();
    expect(nextStatus("DRAFT", "reconfirm")).toBeNull();
  });
  it("re-confirming revives an expired need and keeps a live one as it is", () => {
    expect(nextStatus("EXPIRED", "reconfirm")).toBe("PUBLISHED");
    expect(nextStatus("IN_PROGRESS", "reconfirm")).toBe("IN_PROGRESS");
  });
  it("lists the owner's buttons per status", () => {
    expect(availableActions("PUBLISHED")).toEqual(["start", "solve", "withdraw", "reconfirm"]);
    expect(availableActions("CLOSED")).toEqual([]);
  });
  it("gives 90 days to re-confirm", () => {
    expect(reconfirmDeadline(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });
});

describe("re-confirmation reminders", () => {
  const by = new Date("2026-04-01T00:00:00Z");
  const before = (days: number) => new Date(by.getTime() - days * 24 * 60 * 60 * 1000);
  it("are due 14 and 3 days before the date, the nearer one winning", () => {
    expect(reconfirmReminderStage(by, before(20))).toBeNull();
    expect(reconfirmReminderStage(by, before(14.01))).toBeNull();
    expect(reconfirmReminderStage(by, before(14))).toBe(14);
    expect(reconfirmReminderStage(by, before(4))).toBe(14);
    expect(reconfirmReminderStage(by, before(3))).toBe(3);
    expect(reconfirmReminderStage(by, before(0.1))).toBe(3);
    expect(reconfirmReminderStage(by, before(-1))).toBeNull();
  });
  it("flags published needs inside the first window on the page", () => {
    expect(reconfirmDueSoon("PUBLISHED", by, before(10))).toBe(true);
    expect(reconfirmDueSoon("PUBLISHED", by.toISOString(), before(30))).toBe(false);
    expect(reconfirmDueSoon("IN_PROGRESS", by, before(1))).toBe(false);
  });
  it("word the notices in both languages with the Shenzhen date and the days left", async () => {
    const word = async (n: { kind: string; params: Record<string, string | number> }, locale: "zh-CN" | "en") => wordNotification(n.kind, n.params, locale);
    const need = { title: "抗磁干扰姿态估计", reconfirmBy: new Date("2026-03-31T20:00:00Z") };
    expect(shenzhenDate(need.reconfirmBy)).toBe("2026-04-01");
    const zh = await word(reconfirmReminderNotice(need, new Date("2026-03-28T20:00:00Z")), "zh-CN");
    expect(zh.title).toBe("请在 3 天内确认需求「抗磁干扰姿态估计」仍然有效");
    expect(zh.body).toContain("2026-04-01");
    const en = await word(reconfirmReminderNotice(need, new Date("2026-03-31T00:00:00Z")), "en");
    expect(en.title).toBe("Re-confirm your need “抗磁干扰姿态估计” within 1 day");
    expect((await word(needExpiredNotice(need), "en")).title).toContain("has expired");
    expect((await word(needExpiredNotice(need), "zh-CN")).title).toContain("已过期");
  });
});
