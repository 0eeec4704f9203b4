// The re-confirmation notices (pure): kind and params; the words are messages/<locale>/
// notificationTexts.json `need.reconfirm` / `need.expired`, chosen when read. Recipients are
// members of the need's own company, who may read its title.
import type { NotificationParams } from "@/lib/notifications/notify";

/** The calendar date in Shenzhen, where the deadline is meant. */
export function shenzhenDate(d: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function reconfirmReminderNotice(need: { title: string; reconfirmBy: Date }, now: Date): { kind: string; params: NotificationParams } {
  const days = Math.max(1, Math.ceil((need.reconfirmBy.getTime() - now.getTime()) / (24 * 60 * 60 * 1000)));
  return { kind: "need.reconfirm", params: { need: clip(need.title), days, date: shenzhenDate(need.reconfirmBy) } };
}

export function needExpiredNotice(need: { title: string }): { kind: string; params: NotificationParams } {
  return { kind: "need.expired", params: { need: clip(need.title) } };
}

export const reconfirmReminderKey = (needId: string, reconfirmBy: Date, stage: number) => `need.reconfirm:${needId}:${reconfirmBy.toISOString()}:${stage}d`;
export const needExpiredKey = (needId: string, reconfirmBy: Date) => `need.expired:${needId}:${reconfirmBy.toISOString()}`;
/** Where the notice leads: the need page, at the owner's re-confirm button. */
export const reconfirmLink = (needId: string) => `/needs/${needId}#reconfirm`;
