import type { DealState, Visibility } from "@/lib/generated/prisma/enums";
import type { NotificationParams } from "@/lib/notifications/notify";

// What deal notifications say (words: messages/<locale>/notificationTexts.json `deal.*`, chosen
// when read). They name the need a deal is about only for recipients who may see its title (a
// researcher never sees a BROKER_ONLY need's title before the reveal, and a stored notice must not
// depend on the reveal); never need text beyond the title nor the company's name.

/** The sentinel the texts' `{need, select, none {...} other {...}}` show as "a need". */
export const NO_TITLE = "none";

type DealNeed = { title: string; visibility: Visibility };

/** The need's title as a recipient of a deal notice may see it: company side and brokers always, the researcher unless BROKER_ONLY. */
export function dealNeedParam(need: DealNeed, recipientId: string, researcherId: string): string {
  return recipientId === researcherId && need.visibility === "BROKER_ONLY" ? NO_TITLE : need.title;
}

export const notices = {
  introduced: (need: string, days: number) => ({ kind: "deal.introduced", params: { need, days } }),
  bothAccepted: (need: string) => ({ kind: "deal.introduced.both", params: { need } }),
  declined: (need: string, reason: string) => ({ kind: "deal.declined", params: { need, reason } }),
  moved: (need: string, to: DealState) => ({ kind: "deal.moved", params: { need, state: to } }),
  respondReminder: (need: string, respondBy: Date) => ({ kind: "deal.respond_reminder", params: { need, date: respondBy.toISOString().slice(0, 10) } }),
  lapsed: (need: string) => ({ kind: "deal.lapsed", params: { need } }),
  followUpDue: (need: string, months: number, dueAt: Date) => ({
    kind: "deal.follow_up_due",
    params: { need, months, date: dueAt.toISOString().slice(0, 10) },
  }),
  message: (need: string) => ({ kind: "deal.message", params: { need } }),
} satisfies Record<string, (...args: never[]) => { kind: string; params: NotificationParams }>;
