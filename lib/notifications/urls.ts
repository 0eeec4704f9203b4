// Absolute links in emails, in the recipient's UI language.
const uiLocale = (lang: "zh" | "en") => (lang === "en" ? "en" : "zh-CN");

export const appUrl = (lang: "zh" | "en", path: string) => `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/${uiLocale(lang)}${path}`;
/** Opening this marks the notification read, then goes to its subject. */
export const openNotificationUrl = (lang: "zh" | "en", id: string) => appUrl(lang, `/notifications/${id}/open`);
export const notificationSettingsUrl = (lang: "zh" | "en") => appUrl(lang, "/notifications/settings");
