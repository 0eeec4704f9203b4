// The need status machine (pure). DRAFT -> SUBMITTED -> PUBLISHED -> IN_PROGRESS -> SOLVED,
// with CLOSED (withdrawn by the owner) and EXPIRED (not re-confirmed within 90 days).
import type { NeedStatus } from "@/lib/generated/prisma/enums";

export const RECONFIRM_DAYS = 90;
export const RECONFIRM_REMINDER_DAYS = 14;

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
