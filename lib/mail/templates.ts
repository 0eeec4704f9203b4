// Mail texts in both languages: a user's preferred locale picks one.
type Locale = "zh" | "en";

export function signInLinkMail(locale: Locale, url: string, host: string) {
  if (locale === "en") {
    return {
      subject: `Sign in to TechBridge`,
      text: `Open this link to sign in to TechBridge (${host}):\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`,
    };
  }
  return {
    subject: `登录技术桥 TechBridge`,
    text: `打开以下链接登录技术桥（${host}）：\n\n${url}\n\n链接仅可使用一次，24 小时内有效。如非本人操作，请忽略此邮件。\n\nSign in to TechBridge: ${url}`,
  };
}

export function invitationMail(locale: Locale, orgName: string, url: string) {
  if (locale === "en") {
    return {
      subject: `You are invited to join ${orgName} on TechBridge`,
      text: `You have been invited to join ${orgName} on TechBridge.\n\nAccept the invitation: ${url}\n\nThe invitation expires in 7 days.`,
    };
  }
  return {
    subject: `邀请您加入技术桥上的「${orgName}」`,
    text: `您被邀请加入技术桥上的「${orgName}」。\n\n接受邀请：${url}\n\n邀请 7 天内有效。`,
  };
}

const settingsLine = (locale: Locale, settingsUrl: string) =>
  locale === "en" ? `Change how often we email you: ${settingsUrl}` : `修改邮件提醒频率：${settingsUrl}`;

/** One match notification, sent right away (email setting IMMEDIATE). */
export function notificationMail(locale: Locale, n: { title: string; body: string; url: string }, settingsUrl: string) {
  const open = locale === "en" ? `Open it: ${n.url}` : `查看详情：${n.url}`;
  return {
    subject: locale === "en" ? `TechBridge: ${n.title}` : `技术桥：${n.title}`,
    text: `${n.title}\n\n${n.body}\n\n${open}\n\n--\n${settingsLine(locale, settingsUrl)}`,
  };
}

/** The daily or weekly digest of unread notifications. */
export function digestMail(locale: Locale, frequency: "DAILY" | "WEEKLY", items: { title: string; body: string; url: string }[], settingsUrl: string) {
  const list = items.map((n, i) => `${i + 1}. ${n.title}\n   ${n.body.split("\n").join("\n   ")}\n   ${n.url}`).join("\n\n");
  if (locale === "en") {
    return {
      subject: `TechBridge ${frequency === "DAILY" ? "daily" : "weekly"} digest: ${items.length} new match${items.length === 1 ? "" : "es"}`,
      text: `${list}\n\n--\n${settingsLine(locale, settingsUrl)}`,
    };
  }
  return {
    subject: `技术桥${frequency === "DAILY" ? "每日" : "每周"}摘要：${items.length} 条新匹配`,
    text: `${list}\n\n--\n${settingsLine(locale, settingsUrl)}`,
  };
}
