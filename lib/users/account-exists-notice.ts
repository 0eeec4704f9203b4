import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { accountExistsMail } from "@/lib/mail/templates";
import { localeOfUser } from "@/lib/i18n/translator";

/** Job "account-exists-notice": tells an account holder that someone signed up with their address. */
export async function sendAccountExistsNotice(userId: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, locale: true } });
  if (!user) return; // the account was deleted since: nobody to tell
  const locale = localeOfUser(user.locale);
  const signInUrl = new URL(`/${locale}/sign-in`, env.NEXTAUTH_URL).toString();
  await sendMail({ to: user.email, ...(await accountExistsMail(locale, signInUrl)) });
}
