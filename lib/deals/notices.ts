import type { DealState } from "@/lib/generated/prisma/enums";
import type { Localized } from "@/lib/notifications/notify";
import { reasonLabel, stateLabel } from "./labels";

// Notification texts. They never carry need text or the company's name: a researcher may not see
// them before the reveal, and emails leave the platform.

export const notices = {
  introduced:
    (days: number): Localized =>
    (lang) =>
      lang === "en"
        ? {
            title: "A broker has introduced a possible partner",
            body: `A technology broker on TechBridge suggests a collaboration. Please accept or decline within ${days} days.`,
          }
        : { title: "技术经纪人为您推荐了一位合作伙伴", body: `技术桥的技术经纪人为您推荐了一项合作，请在 ${days} 天内接受或婉拒。` },
  bothAccepted: (): Localized => (lang) =>
    lang === "en"
      ? {
          title: "Introduction accepted by both sides",
          body: "Both sides accepted the introduction. You can now see each other and talk in the deal's message thread.",
        }
      : { title: "双方已接受引荐", body: "双方均已接受引荐，现在可以查看对方信息，并在交易的消息中沟通。" },
  declined:
    (reason: string): Localized =>
    (lang) =>
      lang === "en"
        ? { title: "Introduction declined", body: `The other side declined. Reason: ${reasonLabel(reason, "en")}.` }
        : { title: "对方婉拒了引荐", body: `对方婉拒了此次合作。原因：${reasonLabel(reason, "zh-CN")}。` },
  moved:
    (to: DealState): Localized =>
    (lang) =>
      lang === "en"
        ? { title: `Deal moved to “${stateLabel(to, "en")}”`, body: `A deal you take part in is now “${stateLabel(to, "en")}”.` }
        : { title: `交易进入「${stateLabel(to, "zh-CN")}」`, body: `您参与的一项交易已进入「${stateLabel(to, "zh-CN")}」阶段。` },
  respondReminder:
    (respondBy: Date): Localized =>
    (lang) =>
      lang === "en"
        ? { title: "Reminder: an introduction awaits your answer", body: `Please accept or decline before ${respondBy.toISOString().slice(0, 10)}.` }
        : { title: "提醒：有一项引荐等待您答复", body: `请在 ${respondBy.toISOString().slice(0, 10)} 之前接受或婉拒。` },
  lapsed: (): Localized => (lang) =>
    lang === "en"
      ? {
          title: "An introduction lapsed without an answer",
          body: "The response deadline passed. Follow up with the side that has not answered, or close the deal.",
        }
      : { title: "引荐已超时未答复", body: "答复期限已过。请跟进未答复的一方，或关闭此交易。" },
  followUpDue:
    (months: number, dueAt: Date): Localized =>
    (lang) =>
      lang === "en"
        ? {
            title: `${months}-month outcome follow-up due`,
            body: `Record the outcome of a contract (product launched, revenue, patents filed, jobs) by ${dueAt.toISOString().slice(0, 10)}.`,
          }
        : { title: `${months} 个月成果回访到期`, body: `请在 ${dueAt.toISOString().slice(0, 10)} 前登记合同成果（产品上市、收入、专利申请、就业岗位）。` },
  message: (): Localized => (lang) =>
    lang === "en"
      ? { title: "New message in a deal", body: "You have a new message in a deal's thread." }
      : { title: "交易中有新消息", body: "您参与的交易中有一条新消息。" },
};
