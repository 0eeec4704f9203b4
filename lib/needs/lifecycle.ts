// The need status machine (pure). DRAFT -> SUBMITTED -> PUBLISHED -> IN_PROGRESS -> SOLVED,
// with CLOSED (withdrawn by the owner) and EXPIRED (not re-confirmed within 90 days).
import type { NeedStatus } from "@/lib/generated/prisma/enums";

export const RECONFIRM_DAYS = 90;
/** Owners are reminded this many days before the re-confirmation date (once each, largest first). */
export const RECONFIRM_REMINDER_DAYS = [14, 3] as const;

export type NeedAction = "submit" | "publish" | "start" | "solve" | "withdraw" | "reconfirm";

const TRANSITIONS: Record<NeedAction, { from: NeedStatus[]; to: NeedStatus | "same" }> = {
  // A company that wants a broker's review first hands the draft in.
  submit: { from: ["DRAFT"], to: "SUBMITTED" },
  publish: { from: ["DRAFT", "SUBMITTED"], to: "PUBLISHED" },
  start: { from: ["PUBLISHED"], to: "IN_PROGRESS" },
  solve: { from: ["PUBLISHED", "IN_PROGRESS"], to: "SOLVED" },
  withdraw: { from: ["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "EXPIRED"], to: "CLOSED" },
  // Re-confirming keeps a live need live for another 90 days, or brings an expired one back.
  reconfirm: { from: ["PUBLISHED", "IN_PROGRESS", "EXPIRED"], to: "same" },
};

/** Every lifecycle action (for the schema of the action that runs one). */
export const NEED_ACTIONS = Object.keys(TRANSITIONS) as [NeedAction, ...NeedAction[]];

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextStatus(from: NeedStatus, action: NeedAction): NeedStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) return null;
  if (t.to !== "same") return t.to;
  return from === "EXPIRED" ? "PUBLISHED" : from;
}

/** The actions an owner can take on a need in this status (for buttons). */
export function availableActions(status: NeedStatus): NeedAction[] {
  return (Object.keys(TRANSITIONS) as NeedAction[]).filter((a) => nextStatus(status, a) !== null);
}

export function reconfirmDeadline(from: Date): Date {
  return new Date(from.getTime() + RECONFIRM_DAYS * 24 * 60 * 60 * 1000);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which reminder is due for a need that must be re-confirmed by `reconfirmBy`: the smallest of
 * RECONFIRM_REMINDER_DAYS that the time left has fallen within (so a sweep that missed the 14-day
 * reminder sends only the 3-day one), or null when the date is further away or already past.
 */
export function reconfirmReminderStage(reconfirmBy: Date, now: Date): number | null {
  const left = reconfirmBy.getTime() - now.getTime();
  if (left < 0) return null;
  const within = RECONFIRM_REMINDER_DAYS.filter((d) => left <= d * DAY_MS);
  return within.length ? Math.min(...within) : null;
}

/** A published need whose re-confirmation date is within the first reminder window (or past). */
export function reconfirmDueSoon(status: NeedStatus, reconfirmBy: string | Date | null, now = new Date()): boolean {
  if (status !== "PUBLISHED" || !reconfirmBy) return false;
  return new Date(reconfirmBy).getTime() - now.getTime() <= Math.max(...RECONFIRM_REMINDER_DAYS) * DAY_MS;
}
