import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignUpForm } from "./sign-up-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function SignUpPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("signUpTitle")}</h1>
      <ClientMessages namespaces={["auth"]}>
        <SignUpForm locale={locale} />
      </ClientMessages>
    </section>
  );
}
