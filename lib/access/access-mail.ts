// Texts of access-request notifications, in both languages. They carry NO need text at all
// (not even the title, which a tightened need may hide): the event, a reason code and a link.
import type { AccessEvent } from "@/lib/jobs/enqueue";

type Lang = "zh" | "en";

const zh: Record<AccessEvent, string> = {
  requested: "有研究者申请查看您的一项保密需求",
  approved: "您的保密需求访问申请已获批准",
  declined: "您的保密需求访问申请未获批准",
  revoked: "您对一项保密需求的访问权限已被撤销",
  message: "您的保密需求访问申请有一条新消息",
};
const en: Record<AccessEvent, string> = {
  requested: "A researcher asks to read one of your confidential needs",
  approved: "Your request to read a confidential need was approved",
  declined: "Your request to read a confidential need was declined",
  revoked: "Your access to a confidential need was revoked",
  message: "New message on a confidential-need access request",
};

export function accessEventMail(lang: Lang, event: AccessEvent, url: string, reasonCode: string | null) {
  const subject = lang === "en" ? en[event] : zh[event];
  const reason = reasonCode ? (lang === "en" ? `\nReason code: ${reasonCode}` : `\n原因代码：${reasonCode}`) : "";
  const text =
    lang === "en"
      ? `${subject}.${reason}\n\nSign in to TechBridge to see it: ${url}\n\nFor confidentiality this email contains no details of the need or the messages.`
      : `${subject}。${reason}\n\n请登录技术桥查看：${url}\n\n出于保密要求，本邮件不包含需求内容或消息正文。`;
  return { subject: lang === "en" ? `TechBridge: ${subject}` : `技术桥：${subject}`, text };
}
