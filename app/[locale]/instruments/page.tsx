import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { categoryName, INSTRUMENT_CATEGORIES } from "@/lib/instruments/categories";
import { instrumentSearchSchema } from "@/lib/instruments/schemas";
import { instrumentRegions, searchInstruments } from "@/lib/instruments/search-index";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function InstrumentsSearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, one(v)]));
  const parsed = instrumentSearchSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : instrumentSearchSchema.parse({});
  const [result, regions] = await Promise.all([searchInstruments(actor, query), instrumentRegions()]);
  const t = await getTranslations({ locale, namespace: "instruments" });
  const input = "mt-1 block w-full rounded border border-slate-300 px-3 py-2";
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments" />
      <h1 className="mb-1 text-2xl font-semibold">{t("search.title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("search.intro")}</p>
      <form method="get" className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm md:grid-cols-6" role="search">
        <label className="block text-sm md:col-span-6">
          {t("search.q")}
          <input name="q" type="search" defaultValue={query.q} placeholder={t("search.placeholder")} className={input} data-testid="instrument-q" />
        </label>
        <label className="block text-sm md:col-span-2">
          {t("search.category")}
          <select name="category" defaultValue={query.category ?? ""} className={input}>
            <option value="">{t("search.any")}</option>
            {INSTRUMENT_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === "en" ? c.en : c.zh}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t("search.region")}
          <select name="region" defaultValue={query.region ?? ""} className={input}>
            <option value="">{t("search.any")}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t("search.maxPrice")}
          <input name="maxPrice" type="number" min={0} defaultValue={query.maxPrice ?? ""} className={input} />
        </label>
        <label className="block text-sm">
          {t("search.from")}
          <input name="availableFrom" type="datetime-local" defaultValue={raw.availableFrom ?? ""} className={input} />
        </label>
        <label className="block text-sm">
          {t("search.to")}
          <input name="availableTo" type="datetime-local" defaultValue={raw.availableTo ?? ""} className={input} />
        </label>
        <div className="md:col-span-6">
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
            {t("search.submit")}
          </button>
        </div>
      </form>
      {!result.ok ? (
        <p role="alert" className="rounded bg-amber-50 p-3 text-amber-800">
          {t("search.unavailable")}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600" data-testid="instrument-total">
            {t("search.total", { n: result.total })}
          </p>
          {result.items.length === 0 ? (
            <p>{t("search.empty")}</p>
          ) : (
            <ul className="space-y-3" data-testid="instrument-list">
              {result.items.map((i) => (
                <li key={i.id} className="rounded-lg bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/instruments/${i.id}`} className="text-lg font-medium text-brand-700 hover:underline">
                      {locale === "en" && i.nameEn ? i.nameEn : i.name}
                    </Link>
                    <span className="text-sm text-slate-700">{t("price", { price: i.prices.external, unit: t(`unit.${i.prices.unit}`) })}</span>
                  </div>
                  <p className="text-sm text-slate-600">
                    {[categoryName(i.categoryCode, locale), [i.maker, i.model].filter(Boolean).join(" "), i.organisation.name, i.location.region]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {i.capabilities && <p className="mt-1 line-clamp-2 text-sm text-slate-700">{i.capabilities}</p>}
                  {i.freeHours !== null && <p className="mt-1 text-sm text-green-700">{t("search.freeHours", { hours: i.freeHours })}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
