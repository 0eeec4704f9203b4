import { getTranslations } from "next-intl/server";
import type { NeedView } from "@/lib/needs/present-need";
import { Markdown } from "@/components/markdown";
import { OrgName } from "@/components/orgs/org-name";

export async function NeedDetail({ need, locale, attachments = [] }: { need: NeedView; locale: string; attachments?: { id: string; fileName: string }[] }) {
  const t = await getTranslations({ locale, namespace: "need" });
  const ta = await getTranslations({ locale, namespace: "needActions" });
  const tw = await getTranslations({ locale, namespace: "wizard" });
  const tb = await getTranslations({ locale, namespace: "browse" });
  // User text is Markdown, sanitised (components/markdown.tsx); never raw HTML.
  const sections: [string, string | null][] = [
    [ta("tried"), need.triedSoFar],
    [ta("outcome"), need.desiredOutcome],
    [ta("criteria"), need.acceptanceCriteria],
    [ta("constraints"), need.constraints],
  ];
  const facts: [string, string | null][] = [
    [
      ta("budget"),
      need.budgetMinCny != null || need.budgetMaxCny != null
        ? `${need.budgetMinCny?.toLocaleString(locale) ?? "?"} – ${need.budgetMaxCny?.toLocaleString(locale) ?? "?"} CNY`
        : null,
    ],
    [ta("deadline"), need.deadline?.slice(0, 10) ?? null],
    [ta("modes"), need.collaborationModes.length ? need.collaborationModes.map((m) => tw(`modes.${m}` as "modes.LICENCE")).join("、") : null],
    [ta("region"), need.region],
  ];
  const chain = need.chainNode ? (locale === "en" ? need.chainNode.nameEn : need.chainNode.nameZh) : null;
  return (
    <article className="rounded-lg bg-white p-6 shadow-sm" data-testid="need-detail">
      <h1 className="text-2xl font-semibold">{need.title}</h1>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
        <div>
          <dt className="inline">{t("postedBy")}: </dt>
          <dd className="inline">{need.organisation ? <OrgName name={need.organisation.name} verified={need.organisation.verified} /> : t("hiddenOrg")}</dd>
        </div>
        <div>
          <dt className="inline">{t("field")}: </dt>
          <dd className="inline">{need.field}</dd>
        </div>
        {chain && (
          <div>
            <dt className="inline">{t("chain")}: </dt>
            <dd className="inline">{chain}</dd>
          </div>
        )}
        {need.trlTarget && (
          <div>
            <dt className="inline">TRL: </dt>
            <dd className="inline">{need.trlTarget}</dd>
          </div>
        )}
        {(need.budgetMinCny !== null || need.budgetMaxCny !== null) && (
          <div>
            <dt className="inline">{t("budget")}: </dt>
            <dd className="inline">
              {need.budgetMinCny ?? "…"} – {need.budgetMaxCny ?? "…"}
            </dd>
          </div>
        )}
        {need.region && (
          <div>
            <dt className="inline">{t("region")}: </dt>
            <dd className="inline">{need.region}</dd>
          </div>
        )}
        <div>
          <dt className="inline">{t("visibility")}: </dt>
          <dd className="inline">{t(need.visibility)}</dd>
        </div>
        <div>
          <dt className="inline">{ta("status")}: </dt>
          <dd className="inline" data-testid="need-status">
            {tb(`statuses.${need.status}`)}
          </dd>
        </div>
      </dl>
      {need.access === "teaser" ? (
        <>
          <p className="mt-4 rounded bg-amber-50 p-3 text-amber-800">{t("teaserOnly")}</p>
          {need.teaser && <p className="mt-4 whitespace-pre-line">{need.teaser}</p>}
        </>
      ) : (
        <>
          {need.visibility === "CONFIDENTIAL" &&
            (need.isOwner ? (
              <p className="mt-4 rounded bg-amber-50 p-3 text-sm text-amber-900" data-testid="owner-confidential-banner">
                {t("ownerConfidentialBanner")}
              </p>
            ) : (
              <p className="mt-4 rounded bg-red-50 p-3 text-sm text-red-800" data-testid="confidential-banner">
                {t("confidentialBanner")}
              </p>
            ))}
          <div className="prose mt-4 max-w-none">
            <Markdown text={need.description ?? ""} />
          </div>
          {sections
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <section key={k} className="mt-4">
                <h2 className="font-semibold">{k}</h2>
                <div className="prose max-w-none">
                  <Markdown text={v!} />
                </div>
              </section>
            ))}
          <dl className="mt-4 grid gap-1 text-sm sm:grid-cols-2">
            {facts
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt className="inline font-medium">{k}: </dt>
                  <dd className="inline">{v}</dd>
                </div>
              ))}
          </dl>
          {attachments.length > 0 && (
            <section className="mt-4">
              <h2 className="font-semibold">{ta("attachments")}</h2>
              <ul className="text-sm">
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline">
                      {a.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {need.keywords.length > 0 && (
            <ul className="mt-4 flex flex-wrap gap-2" aria-label={t("keywords")}>
              {need.keywords.map((k) => (
                <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">
                  {k}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
