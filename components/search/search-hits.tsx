import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { MaybeActor } from "@/lib/policy";
import { searchCatalog } from "@/lib/search/search";
import type { CatalogQueryInput } from "@/lib/search/catalog-query";
import { Highlighted } from "./highlighted";
import { Pagination } from "@/components/pagination";
import { OrgName } from "@/components/orgs/org-name";

export async function SearchHits({ actor, query, locale }: { actor: MaybeActor; query: CatalogQueryInput; locale: string }) {
  const t = await getTranslations({ locale, namespace: "search" });
  const tn = await getTranslations({ locale, namespace: "need" });
  const response = await searchCatalog({ q: query.q, type: query.type, viewer: actor, page: query.page, limit: 20 });
  if (!response.ok) {
    return (
      <p role="alert" className="rounded bg-amber-50 p-4 text-amber-800" data-testid="search-unavailable">
        {t("unavailable")}
      </p>
    );
  }
  if (response.hits.length === 0) return <p data-testid="search-empty">{t("noHits", { type: t(query.type) })}</p>;
  const base = query.type === "needs" ? "/needs" : "/results";
  return (
    <div>
      {response.alsoSearched && (
        <p className="mb-3 text-sm text-slate-600" data-testid="search-translated">
          {t("translated", { q: query.q, translated: response.alsoSearched })}
        </p>
      )}
      <p className="mb-3 text-sm text-slate-500">{t("hits", { count: response.total })}</p>
      <ul className="space-y-3" data-testid="search-hits">
        {response.hits.map((hit) => (
          <li key={hit.id} className="rounded-lg bg-white p-4 shadow-sm">
            <Link href={`${base}/${hit.id}`} className="text-lg font-medium text-brand-700 hover:underline">
              <Highlighted segments={hit.highlights.title} fallback={hit.title} />
            </Link>
            <p className="mt-1 text-sm text-slate-500">
              {hit.organisationName ? (
                <OrgName name={hit.organisationName} verified={hit.organisationVerified !== false} />
              ) : query.type === "needs" ? (
                tn("hiddenOrg")
              ) : (
                ""
              )}{" "}
              · {hit.field}
              {hit.trl ? ` · TRL ${hit.trl}` : ""}
            </p>
            <p className="mt-2 line-clamp-2 text-sm text-slate-700">
              <Highlighted segments={hit.highlights.snippet} fallback={hit.summary ?? hit.teaser ?? ""} />
            </p>
          </li>
        ))}
      </ul>
      <Pagination path="/search" page={response.page} total={response.total} pageSize={response.limit} query={{ q: query.q, type: query.type }} />
    </div>
  );
}
