import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "./sign-in-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { SignInReasonNote } from "./sign-in-reason-note";

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { locale } = await params;
  const { callbackUrl, error } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  // Only paths on this site: an open redirect would let a phishing link bounce through us.
  const safeCallback = safeRedirectPath(callbackUrl, new URL(env.NEXTAUTH_URL).origin, `/${locale}/needs`);
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("signInTitle")}</h1>
      <SignInReasonNote locale={locale} callbackUrl={callbackUrl ? safeCallback : null} />
      <ClientMessages namespaces={["auth", "limits"]}>
        <SignInForm callbackUrl={safeCallback} initialError={error ? t("invalid") : undefined} />
      </ClientMessages>
    </section>
  );
}
