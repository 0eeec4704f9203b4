// The texts of the re-confirmation notices (pure), in the recipient's language. Recipients are
// members of the need's own company, who may read its title.
import type { NotificationText } from "@/lib/notifications/notify";

export type Lang = "zh" | "en";

/** The calendar date in Shenzhen, where the deadline is meant. */
export function shenzhenDate(d: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function reconfirmReminderText(lang: Lang, need: { title: string; reconfirmBy: Date }, now: Date): NotificationText {
  const date = shenzhenDate(need.reconfirmBy);
  const days = Math.max(1, Math.ceil((need.reconfirmBy.getTime() - now.getTime()) / (24 * 60 * 60 * 1000)));
  return lang === "en"
    ? {
        title: `Re-confirm your need “${clip(need.title)}” within ${days} ${days === 1 ? "day" : "days"}`,
        body: `Published needs are re-confirmed every 90 days so that researchers see only open needs. Unless you re-confirm it by ${date}, the need expires and leaves the catalogue. Open it and choose “Re-confirm the need is still open”.`,
      }
    : {
        title: `请在 ${days} 天内确认需求「${clip(need.title)}」仍然有效`,
        body: `已发布的需求每 90 天需确认一次，以便科研人员只看到仍然有效的需求。如未在 ${date} 前确认，该需求将过期下架。打开需求并点击“确认需求仍然有效”即可。`,
      };
}

export function needExpiredText(lang: Lang, need: { title: string }): NotificationText {
  return lang === "en"
    ? {
        title: `Your need “${clip(need.title)}” has expired`,
        body: "It was not re-confirmed within 90 days and has left the catalogue. If it is still open, re-confirm it to publish it again for another 90 days.",
      }
    : {
        title: `需求「${clip(need.title)}」已过期下架`,
        body: "该需求 90 天内未确认，已从需求目录下架。如仍然有效，确认后即可重新发布 90 天。",
      };
}

export const reconfirmReminderKey = (needId: string, reconfirmBy: Date, stage: number) => `need.reconfirm:${needId}:${reconfirmBy.toISOString()}:${stage}d`;
export const needExpiredKey = (needId: string, reconfirmBy: Date) => `need.expired:${needId}:${reconfirmBy.toISOString()}`;
/** Where the notice leads: the need page, at the owner's re-confirm button. */
export const reconfirmLink = (needId: string) => `/needs/${needId}#reconfirm`;
