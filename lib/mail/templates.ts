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
