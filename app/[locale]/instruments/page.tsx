import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { categoryName, INSTRUMENT_CATEGORIES } from "@/lib/instruments/categories";
import { instrumentSearchSchema } from "@/lib/instruments/schemas";
import { instrumentRegions, searchInstruments } from "@/lib/instruments/search-index";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { FilterBar, FilterInput, FilterSelect } from "@/components/form/filter-bar";

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
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments" />
      <h1 className="mb-1 text-2xl font-semibold">{t("search.title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("search.intro")}</p>
      <FilterBar
        label={t("search.filters")}
        submit={t("search.submit")}
        role="search"
        className="mb-6 grid grid-cols-2 items-end gap-3 rounded-lg bg-white p-4 shadow-sm md:grid-cols-6"
      >
        <FilterInput
          name="q"
          type="search"
          label={t("search.q")}
          value={query.q}
          placeholder={t("search.placeholder")}
          className="col-span-2 md:col-span-6"
          testId="instrument-q"
        />
        <FilterSelect
          name="category"
          label={t("search.category")}
          value={query.category}
          anyLabel={t("search.any")}
          options={INSTRUMENT_CATEGORIES.map((c) => ({ value: c.code, label: locale === "en" ? c.en : c.zh }))}
          className="col-span-2"
        />
        <FilterSelect
          name="region"
          label={t("search.region")}
          value={query.region}
          anyLabel={t("search.any")}
          options={regions.map((r) => ({ value: r, label: r }))}
        />
        <FilterInput name="maxPrice" type="number" min={0} label={t("search.maxPrice")} value={query.maxPrice} />
        <FilterInput name="availableFrom" type="datetime-local" label={t("search.from")} value={raw.availableFrom} />
        <FilterInput name="availableTo" type="datetime-local" label={t("search.to")} value={raw.availableTo} />
      </FilterBar>
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
                <li key={i.id} className="flex gap-4 rounded-lg bg-white p-4 shadow-sm">
                  {i.photos[0] && (
                    // eslint-disable-next-line @next/next/no-img-element -- a thumbnail served by our own route, already resized
                    <img
                      src={i.photos[0].thumbUrl}
                      alt=""
                      width={120}
                      height={90}
                      loading="lazy"
                      className="h-[60px] w-[80px] shrink-0 rounded object-cover sm:h-[90px] sm:w-[120px]"
                      data-testid="instrument-thumb"
                    />
                  )}
                  <div className="min-w-0 flex-1">
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
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
