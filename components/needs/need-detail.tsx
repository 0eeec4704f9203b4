import { getTranslations } from "next-intl/server";
import type { NeedView } from "@/lib/needs/present-need";
import { Markdown } from "@/components/markdown";

export async function NeedDetail({ need, locale }: { need: NeedView; locale: string }) {
  const t = await getTranslations({ locale, namespace: "need" });
  const chain = need.chainNode ? (locale === "en" ? need.chainNode.nameEn : need.chainNode.nameZh) : null;
  return (
    <article className="rounded-lg bg-white p-6 shadow-sm" data-testid="need-detail">
      <h1 className="text-2xl font-semibold">{need.title}</h1>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
        <div><dt className="inline">{t("postedBy")}: </dt><dd className="inline">{need.organisation?.name ?? t("hiddenOrg")}</dd></div>
        <div><dt className="inline">{t("field")}: </dt><dd className="inline">{need.field}</dd></div>
        {chain && <div><dt className="inline">{t("chain")}: </dt><dd className="inline">{chain}</dd></div>}
        {need.trlTarget && <div><dt className="inline">TRL: </dt><dd className="inline">{need.trlTarget}</dd></div>}
        {(need.budgetMinCny !== null || need.budgetMaxCny !== null) && (
          <div><dt className="inline">{t("budget")}: </dt><dd className="inline">{need.budgetMinCny ?? "…"} – {need.budgetMaxCny ?? "…"}</dd></div>
        )}
        {need.region && <div><dt className="inline">{t("region")}: </dt><dd className="inline">{need.region}</dd></div>}
        <div><dt className="inline">{t("visibility")}: </dt><dd className="inline">{t(need.visibility)}</dd></div>
      </dl>
      {need.access === "teaser" ? (
        <>
          <p className="mt-4 rounded bg-amber-50 p-3 text-amber-800">{t("teaserOnly")}</p>
          {need.teaser && <p className="mt-4 whitespace-pre-line">{need.teaser}</p>}
        </>
      ) : (
        <>
          {need.visibility === "CONFIDENTIAL" && <p className="mt-4 rounded bg-red-50 p-3 text-sm text-red-800" data-testid="confidential-banner">{t("confidentialBanner")}</p>}
          <div className="prose mt-4 max-w-none"><Markdown text={need.description ?? ""} /></div>
          {need.keywords.length > 0 && (
            <ul className="mt-4 flex flex-wrap gap-2" aria-label={t("keywords")}>
              {need.keywords.map((k) => <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">{k}</li>)}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
