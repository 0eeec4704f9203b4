import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { WHEN_OPTIONS } from "@/components/time/when";
import { StateForm } from "@/components/form/state-form";
// Results follow the needs' freshness rule: the owner may confirm from the first reminder on.
import { reconfirmDueSoon } from "@/lib/needs/lifecycle";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { listResultAttachments } from "@/lib/attachments/attachments";
import { getResult } from "@/lib/results/get-result";
import { Markdown } from "@/components/markdown";
import { OrgName } from "@/components/orgs/org-name";
import { ResultMatches } from "@/components/matching/result-matches";
import { can } from "@/lib/policy";
import { setResultPublishedAction } from "./actions";

export default async function ResultPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/results/${id}`);
  const result = await getResult(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "result" });
  const format = await getFormatter({ locale });
  const attachments = await listResultAttachments(result.id);
  const mayEdit = can(actor, "result.update", { organisationId: result.organisation.id, status: result.status });
  return (
    <div className="space-y-8">
      <article className="rounded-lg bg-white p-6 shadow-sm" data-testid="result-detail">
        <h1 className="text-2xl font-semibold">{result.title}</h1>
        {mayEdit && (
          <div className="mt-2 flex flex-wrap gap-2">
            <a
              href={`/${locale}/results/${result.id}/edit`}
              className="rounded border border-brand-300 px-3 py-1 text-sm text-brand-700"
              data-testid="edit-result"
            >
              {t("edit")}
            </a>
            <StateForm action={setResultPublishedAction.bind(null, locale)}>
              <input type="hidden" name="resultId" value={result.id} />
              <input type="hidden" name="published" value={result.status === "PUBLISHED" ? "no" : "yes"} />
              <button type="submit" className="rounded border border-red-300 px-3 py-1 text-sm text-red-700">
                {result.status === "PUBLISHED" ? t("withdraw") : t("republish")}
              </button>
            </StateForm>
          </div>
        )}
        {mayEdit && result.reconfirmBy && (result.status === "PUBLISHED" || result.status === "EXPIRED") && (
          <div id="reconfirm" className="mt-3 flex flex-wrap items-center gap-2 rounded bg-amber-50 p-3 text-sm text-amber-900" data-testid="result-reconfirm">
            <span>
              {result.status === "EXPIRED" ? t("expiredNotice") : t("reconfirmBy", { date: format.dateTime(new Date(result.reconfirmBy), WHEN_OPTIONS.date) })}
            </span>
            {result.status === "PUBLISHED" && reconfirmDueSoon("PUBLISHED", result.reconfirmBy) && (
              <StateForm action={setResultPublishedAction.bind(null, locale)}>
                <input type="hidden" name="resultId" value={result.id} />
                <input type="hidden" name="published" value="yes" />
                <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white" data-testid="confirm-still-available">
                  {t("stillAvailable")}
                </button>
              </StateForm>
            )}
          </div>
        )}
        <dl className="mt-3 flex flex-wrap gap-x-6 text-sm text-slate-600">
          <div>
            <dt className="inline">{t("institution")}: </dt>
            <dd className="inline">
              <OrgName name={result.organisation.name} verified={result.organisation.verified} />
            </dd>
          </div>
          <div>
            <dt className="inline">{t("field")}: </dt>
            <dd className="inline">{result.field}</dd>
          </div>
          {result.trl && (
            <div>
              <dt className="inline">TRL: </dt>
              <dd className="inline">{result.trl}</dd>
            </div>
          )}
        </dl>
        <p className="mt-4 whitespace-pre-line">{result.summary}</p>
        {result.description && (
          <div className="prose mt-4 max-w-none">
            <Markdown text={result.description} />
          </div>
        )}
        <dl className="mt-4 space-y-2 text-sm">
          {(
            [
              ["advantages", result.advantages],
              ["applicationScenarios", result.applicationScenarios],
              ["priceExpectation", result.priceExpectation],
              ["lab", result.lab],
              ["team", result.team],
            ] as const
          )
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt className="font-medium">{t(k)}</dt>
                <dd className="prose max-w-none">
                  <Markdown text={v!} />
                </dd>
              </div>
            ))}
          {result.patents.length > 0 && (
            <div>
              <dt className="font-medium">{t("patents")}</dt>
              <dd>
                <ul>
                  {result.patents.map((p) => (
                    <li key={p.number}>
                      {p.number} · {t(`patentTypes.${p.type}`)} · {t(`patentStatuses.${p.status}`)} ·{" "}
                      {t.has(`patentOffices.${p.jurisdiction}`) ? t(`patentOffices.${p.jurisdiction}`) : p.jurisdiction}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
        {attachments.length > 0 && (
          <section className="mt-4 text-sm" aria-labelledby="result-attachments">
            <h2 id="result-attachments" className="font-medium">
              {t("attachments")}
            </h2>
            <ul data-testid="result-attachments">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/attachments/${a.id}`} className="text-brand-700 hover:underline">
                    {a.fileName}
                  </a>{" "}
                  <span className="text-slate-500">({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {result.keywords.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-2" aria-label={t("keywords")}>
            {result.keywords.map((k) => (
              <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">
                {k}
              </li>
            ))}
          </ul>
        )}
      </article>
      <section aria-labelledby="matching-needs">
        <h2 id="matching-needs" className="mb-3 text-xl font-semibold">
          {t("matchingNeeds")}
        </h2>
        <ResultMatches actor={actor} resultId={result.id} locale={locale} />
      </section>
    </div>
  );
}
