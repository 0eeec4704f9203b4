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

/**
 * To the holder of an existing account when someone signs up with its address. The sign-up form
 * answers exactly as for a new address (no account enumeration); this mail tells the one person
 * who may know that the account exists.
 */
export function accountExistsMail(locale: Locale, signInUrl: string) {
  if (locale === "en") {
    return {
      subject: `Your TechBridge account already exists`,
      text: `Someone, perhaps you, tried to sign up to TechBridge with this email address. It already belongs to an account, so no new account was made and nothing was changed.\n\nTo sign in, use the sign-in link we may have sent separately, or go to: ${signInUrl}\n\nIf it was not you, you can ignore this email.`,
    };
  }
  return {
    subject: `您的技术桥账号已存在`,
    text: `有人（可能是您本人）使用此邮箱注册技术桥。该邮箱已有账号，因此没有创建新账号，现有账号也未作任何更改。\n\n如需登录，请使用我们另行发送的登录链接，或前往：${signInUrl}\n\n如非本人操作，请忽略此邮件。\n\nThis address already has a TechBridge account: ${signInUrl}`,
  };
}

/**
 * An invitation to an address that already has an account. The inviter sees the same answer as
 * for a new address; the invitee learns why this invitation cannot be accepted (an account belongs
 * to one organisation), and no accept link is sent.
 */
export function invitationToExistingAccountMail(locale: Locale, orgName: string, signInUrl: string) {
  if (locale === "en") {
    return {
      subject: `You are invited to join ${orgName} on TechBridge`,
      text: `You have been invited to join ${orgName} on TechBridge. This email address already has a TechBridge account, and an account belongs to one organisation, so it cannot join ${orgName} through this invitation. If you want to join, ask the person who invited you to invite another address of yours.\n\nYour account: ${signInUrl}\n\nIf you do not want to join, you can ignore this email.`,
    };
  }
  return {
    subject: `邀请您加入技术桥上的「${orgName}」`,
    text: `您被邀请加入技术桥上的「${orgName}」。此邮箱已有技术桥账号，而一个账号只能属于一个机构，因此无法通过此邀请加入「${orgName}」。如希望加入，请让邀请人改用您的其他邮箱发出邀请。\n\n您的账号：${signInUrl}\n\n如不想加入，请忽略此邮件。`,
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
