import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const pillars = [
    ["cantSay", "cantSayText"],
    ["wontSay", "wontSayText"],
    ["cantReach", "cantReachText"],
  ] as const;
  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-3xl font-bold text-brand-900">{t("title")}</h1>
        <p className="mt-4 max-w-3xl text-lg text-slate-700">{t("lead")}</p>
        <div className="mt-6 flex gap-3">
          <Link href="/needs/new" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("ctaNeed")}
          </Link>
          <Link href="/search" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
            {t("ctaSearch")}
          </Link>
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {pillars.map(([title, text]) => (
          <div key={title} className="rounded-lg bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold text-brand-700">{t(title)}</h2>
            <p className="mt-2 text-sm text-slate-700">{t(text)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
