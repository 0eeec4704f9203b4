import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignUpForm } from "./sign-up-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { SignInReasonNote } from "../sign-in/sign-in-reason-note";

export default async function SignUpPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ callbackUrl?: string }> }) {
  const { locale } = await params;
  const { callbackUrl } = await searchParams;
  // Only paths on this site (safe-redirect); a visitor who came from a page returns to it.
  const safeCallback = safeRedirectPath(callbackUrl, new URL(env.NEXTAUTH_URL).origin, `/${locale}/needs`);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("signUpTitle")}</h1>
      <SignInReasonNote locale={locale} callbackUrl={callbackUrl ? safeCallback : null} />
      <ClientMessages namespaces={["auth"]}>
        <SignUpForm locale={locale} callbackUrl={safeCallback} />
      </ClientMessages>
    </section>
  );
}
