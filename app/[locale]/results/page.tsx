import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { catalogViewer } from "@/lib/auth/require-actor";
import { browseHref, parseBrowseQuery } from "@/lib/browse/browse-query";
import { facetLabels } from "@/lib/browse/facet-labels";
import { can } from "@/lib/policy";
import { browseResults } from "@/lib/results/browse-results";
import { ResultCard } from "@/components/results/result-card";
import { FacetPanel, SortLinks } from "@/components/browse/facet-panel";
import { Pagination } from "@/components/pagination";
import { FilterDrawer } from "@/components/browse/filter-drawer";

const PAGE_SIZE = 20;

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The public catalogue: published results for anonymous visitors (resultScopeFor).
  const actor = await catalogViewer();
  const query = parseBrowseQuery(await searchParams);
  const [{ items, total, facets }, labels] = await Promise.all([browseResults(actor, query, PAGE_SIZE), facetLabels(locale)]);
  const t = await getTranslations({ locale, namespace: "result" });
  const tb = await getTranslations({ locale, namespace: "browse" });
  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("listTitle")}</h1>
        {can(actor, "result.import") && (
          <Link href="/results/import" className="rounded border px-3 py-1.5">
            {tb("import")}
          </Link>
        )}
      </div>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <FilterDrawer label={tb("filters")}>
          <FacetPanel path="/results" query={query} facets={facets} labels={labels} />
        </FilterDrawer>
        <div>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600" data-testid="total">
              {tb("total", { n: total })}
            </p>
            <SortLinks
              path="/results"
              query={query}
              label={tb("sort")}
              options={[
                { value: "newest", label: tb("sortNewest") },
                { value: "oldest", label: tb("sortOldest") },
                { value: "trl", label: tb("sortTrl") },
              ]}
            />
          </div>
          {items.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <ul className="space-y-3" data-testid="result-list">
              {items.map((r) => (
                <ResultCard key={r.id} result={r} />
              ))}
            </ul>
          )}
          <Pagination path="/results" page={query.page} total={total} pageSize={PAGE_SIZE} query={browseHref(query, {})} />
        </div>
      </div>
    </section>
  );
}
