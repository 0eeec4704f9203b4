import { getTranslations, setRequestLocale } from "next-intl/server";

export default async function CheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-semibold">{t("checkEmailTitle")}</h1>
      <p>{t("checkEmailText")}</p>
    </section>
  );
}
