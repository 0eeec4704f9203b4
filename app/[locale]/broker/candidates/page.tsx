import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { MatchList } from "@/components/matching/match-list";
import { OrgName } from "@/components/orgs/org-name";
import { ResearcherList } from "@/components/matching/researcher-list";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { myFeedbackFor, type FeedbackSummary } from "@/lib/feedback/match-feedback";
import type { FeedbackReason } from "@/lib/feedback/schemas";
import { can } from "@/lib/policy";
import { listBrokerCandidates } from "@/lib/recommend/broker-candidates";

// The broker's minimal queue of new needs with their best candidates (the full broker workbench
// lives at /broker).
export default async function BrokerCandidatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/broker/candidates");
  if (!can(actor, "broker.candidates")) notFound();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, hasMore } = await listBrokerCandidates(actor, page);
  const verdicts = await myFeedbackFor(
    actor,
    items.flatMap((i) => i.results.map((r) => ({ needId: i.need.id, resultId: r.id }))),
  );
  const t = await getTranslations({ locale, namespace: "candidates" });
  const tn = await getTranslations({ locale, namespace: "need" });
  const tf = await getTranslations({ locale, namespace: "feedback" });
  const tm = await getTranslations({ locale, namespace: "match" });
  const summary = (s: FeedbackSummary | null) =>
    s
      ? [
          t("useful", { count: s.useful }),
          t("notUseful", { count: s.notUseful }),
          ...Object.entries(s.reasons).map(([r, n]) => `${tf(r as FeedbackReason)} ${n}`),
        ].join(" · ")
      : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {items.length === 0 && <p>{t("empty")}</p>}
      {items.map(({ need, results, researchers, unavailable }) => (
        <section key={need.id} className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid={`candidates-${need.id}`}>
          <h2 className="text-lg font-semibold">
            <Link href={`/needs/${need.id}`} className="text-brand-700 hover:underline">
              {need.title}
            </Link>
            <span className="ml-2 text-xs font-normal text-slate-500">
              {need.organisation && (
                <>
                  <OrgName name={need.organisation.name} verified={need.organisation.verified} />
                  {" · "}
                </>
              )}
              {[need.field, tn(need.visibility)].filter(Boolean).join(" · ")}
            </span>
          </h2>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="mb-2 font-medium">{t("results")}</h3>
              <MatchList
                response={unavailable ? { ok: false, reason: "unavailable" } : { ok: true, matches: results }}
                locale={locale}
                basePath="/results"
                emptyText={t("noCandidates")}
                testId={`candidate-results-${need.id}`}
                feedback={{ pair: (m) => ({ needId: need.id, resultId: m.id }), verdicts }}
              />
              {results.some((r) => r.feedback) && (
                <ul className="mt-2 space-y-1 text-xs text-slate-600" aria-label={t("feedback")} data-testid={`feedback-summary-${need.id}`}>
                  {results
                    .filter((r) => r.feedback)
                    .map((r) => (
                      <li key={r.id}>
                        {r.title}: {summary(r.feedback)}
                      </li>
                    ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="mb-2 font-medium">{t("researchers")}</h3>
              <ResearcherList
                researchers={researchers}
                labels={{ via: t("via"), expertise: t("expertise"), empty: t("noCandidates"), score: tm("score") }}
                testId={`candidate-researchers-${need.id}`}
              />
            </div>
          </div>
        </section>
      ))}
      {hasMore && (
        <Link href={`/broker/candidates?page=${page + 1}`} className="text-sm text-brand-700 hover:underline">
          → {page + 1}
        </Link>
      )}
    </div>
  );
}
