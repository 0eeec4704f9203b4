import { Suspense } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { catalogViewer } from "@/lib/auth/require-actor";
import { catalogQuerySchema } from "@/lib/search/catalog-query";
import { SearchBox } from "@/components/search/search-box";
import { SearchHits } from "@/components/search/search-hits";
import { SaveSearchForm } from "@/components/alerts/save-search-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The public catalogue: anonymous visitors search what the policy lets them see.
  const actor = await catalogViewer();
  const raw = await searchParams;
  const parsed = catalogQuerySchema.safeParse({ q: first(raw.q), type: first(raw.type), page: first(raw.page) });
  // A malformed URL (hand-edited) falls back to the defaults instead of failing the page.
  const query = parsed.success ? parsed.data : catalogQuerySchema.parse({});
  const t = await getTranslations({ locale, namespace: "search" });
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <SearchBox placeholder={t("placeholder")} labels={{ needs: t("needs"), results: t("results"), searching: t("searching") }} />
      {actor && query.q && (
        <ClientMessages namespaces={["alerts"]}>
          <SaveSearchForm key={`${query.type}:${query.q}`} locale={locale} q={query.q} type={query.type} />
        </ClientMessages>
      )}
      <Suspense key={`${query.type}:${query.q}:${query.page}`} fallback={<p>{t("searching")}</p>}>
        <SearchHits actor={actor} query={query} locale={locale} />
      </Suspense>
    </section>
  );
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
