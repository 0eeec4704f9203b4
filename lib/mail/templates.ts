import "server-only";
import type { Locale } from "@/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";

// Mail texts: the words live in messages/<locale>/mail.json; the recipient's language picks them
// (a user's stored locale, or the inviter's for an address without an account).

export type Mail = { subject: string; text: string };

async function mail(locale: Locale, key: string, params: Record<string, string | number>): Promise<Mail> {
  const t = await translatorFor(locale);
  return { subject: t(`mail.${key}.subject`, params), text: t(`mail.${key}.text`, params) };
}

export const signInLinkMail = (locale: Locale, url: string, host: string) => mail(locale, "signIn", { url, host });

/** `org`: the organisation's name and whether a platform admin verified it (unverified names carry the mark). */
type Org = { name: string; verified: boolean };

export const invitationMail = (locale: Locale, org: Org, url: string) =>
  mail(locale, "invitation", { org: org.name, verified: org.verified ? "yes" : "no", url });

/**
 * To the holder of an existing account when someone signs up with its address. The sign-up form
 * answers exactly as for a new address (no account enumeration); this mail tells the one person
 * who may know that the account exists.
 */
export const accountExistsMail = (locale: Locale, signInUrl: string) => mail(locale, "accountExists", { url: signInUrl });

/**
 * An invitation to an address that already has an account. The inviter sees the same answer as
 * for a new address; the invitee learns why this invitation cannot be accepted (an account belongs
 * to one organisation), and no accept link is sent.
 */
export const invitationToExistingAccountMail = (locale: Locale, org: Org, signInUrl: string) =>
  mail(locale, "invitationExisting", { org: org.name, verified: org.verified ? "yes" : "no", url: signInUrl });

/** One notification, sent right away (email setting IMMEDIATE); title and body already in `locale`. */
export async function notificationMail(locale: Locale, n: { title: string; body: string; url: string }, settingsUrl: string): Promise<Mail> {
  const t = await translatorFor(locale);
  return {
    subject: t("mail.notification.subject", { title: n.title }),
    text: `${n.title}\n\n${n.body}\n\n${t("mail.notification.open", { url: n.url })}\n\n--\n${t("mail.settingsLine", { url: settingsUrl })}`,
  };
}

/** The daily or weekly digest of unread notifications; items already in `locale`. */
export async function digestMail(
  locale: Locale,
  frequency: "DAILY" | "WEEKLY",
  items: { title: string; body: string; url: string }[],
  settingsUrl: string,
): Promise<Mail> {
  const t = await translatorFor(locale);
  const list = items.map((n, i) => `${i + 1}. ${n.title}\n   ${n.body.split("\n").join("\n   ")}\n   ${n.url}`).join("\n\n");
  return {
    subject: t("mail.digest.subject", { frequency, count: items.length }),
    text: `${list}\n\n--\n${t("mail.settingsLine", { url: settingsUrl })}`,
  };
}

/** An access-request event (its notification's words in `locale`): no need text, no message text. */
export const accessEventMail = (locale: Locale, n: { title: string; body: string }, url: string) =>
  mail(locale, "access", { title: n.title, body: n.body, url });
