import { getTranslations, setRequestLocale } from "next-intl/server";
import { When } from "@/components/time/when";
import { Link } from "@/i18n/navigation";
import { catalogViewer } from "@/lib/auth/require-actor";
import { browseHref, parseBrowseQuery } from "@/lib/browse/browse-query";
import { facetLabels } from "@/lib/browse/facet-labels";
import { browseNeeds } from "@/lib/needs/browse-needs";
import { listBrokerDraftsForCompany } from "@/lib/needs/list-broker-drafts";
import { can } from "@/lib/policy";
import { NeedCard } from "@/components/needs/need-card";
import { FacetPanel, SortLinks } from "@/components/browse/facet-panel";
import { Pagination } from "@/components/pagination";
import { FilterDrawer } from "@/components/browse/filter-drawer";

const PAGE_SIZE = 20;

export default async function NeedsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The public catalogue: anonymous visitors too; what each viewer sees is the policy's (needScopeFor).
  const actor = await catalogViewer();
  const query = parseBrowseQuery(await searchParams);
  const [{ items, total, facets }, awaiting, labels] = await Promise.all([
    browseNeeds(actor, query, PAGE_SIZE),
    actor ? listBrokerDraftsForCompany(actor) : [],
    facetLabels(locale),
  ]);
  const t = await getTranslations({ locale, namespace: "need" });
  const tb = await getTranslations({ locale, namespace: "browse" });
  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("listTitle")}</h1>
        <div className="flex flex-wrap gap-2">
          {can(actor, "need.import") && (
            <Link href="/needs/import" className="rounded border px-3 py-1.5">
              {tb("import")}
            </Link>
          )}
          {can(actor, "need.create") && (
            <Link href="/needs/new" className="rounded bg-brand-600 px-3 py-1.5 text-white">
              {tb("newNeed")}
            </Link>
          )}
        </div>
      </div>
      {awaiting.length > 0 && (
        <section className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="awaiting-confirmation">
          <h2 className="font-semibold">{tb("awaitingConfirmation")}</h2>
          <p className="text-sm text-amber-900">{tb("awaitingHint")}</p>
          <ul className="mt-2 space-y-1">
            {awaiting.map((n) => (
              <li key={n.id}>
                {n.title || "—"} · {n.broker?.name ?? n.broker?.email} · {n.visit && <When at={n.visit.visitedOn} show="date" />} —{" "}
                <Link href={`/needs/${n.id}/wizard`} className="text-brand-700 underline">
                  {tb("review")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <FilterDrawer label={tb("filters")}>
          <FacetPanel path="/needs" query={query} facets={facets} labels={labels} />
        </FilterDrawer>
        <div>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600" data-testid="total">
              {tb("total", { n: total })}
            </p>
            <SortLinks
              path="/needs"
              query={query}
              label={tb("sort")}
              options={[
                { value: "newest", label: tb("sortNewest") },
                { value: "oldest", label: tb("sortOldest") },
                { value: "trl", label: tb("sortTrl") },
                { value: "budget", label: tb("sortBudget") },
                { value: "deadline", label: tb("sortDeadline") },
              ]}
            />
          </div>
          {items.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <ul className="space-y-3" data-testid="need-list">
              {items.map((n) => (
                <NeedCard key={n.id} need={n} hiddenOrgLabel={t("hiddenOrg")} />
              ))}
            </ul>
          )}
          <Pagination path="/needs" page={query.page} total={total} pageSize={PAGE_SIZE} query={browseHref(query, {})} />
        </div>
      </div>
    </section>
  );
}
