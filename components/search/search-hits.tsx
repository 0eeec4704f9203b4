import { getTranslations } from "next-intl/server";
import type { MaybeActor } from "@/lib/policy";
import { searchCatalog } from "@/lib/search/search";
import type { CatalogQueryInput } from "@/lib/search/catalog-query";
import { compactSegments } from "@/lib/search/highlight";
import { HitList } from "./hit-list";
import { Pagination } from "@/components/pagination";

export async function SearchHits({ actor, query, locale }: { actor: MaybeActor; query: CatalogQueryInput; locale: string }) {
  const t = await getTranslations({ locale, namespace: "search" });
  const tn = await getTranslations({ locale, namespace: "need" });
  const to = await getTranslations({ locale, namespace: "orgs" });
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
      <HitList
        base={base}
        unverified={{ label: to("unverified"), help: to("unverifiedHelp") }}
        hits={response.hits.map((hit) => ({
          id: hit.id,
          title: compactSegments(hit.highlights.title, hit.title),
          org: hit.organisationName ?? (query.type === "needs" ? tn("hiddenOrg") : ""),
          ...(hit.organisationName && hit.organisationVerified === false ? { unverified: true as const } : {}),
          field: hit.field,
          trl: hit.trl,
          snippet: compactSegments(hit.highlights.snippet, hit.summary ?? hit.teaser ?? ""),
        }))}
      />
      <Pagination path="/search" page={response.page} total={response.total} pageSize={response.limit} query={{ q: query.q, type: query.type }} />
    </div>
  );
}
