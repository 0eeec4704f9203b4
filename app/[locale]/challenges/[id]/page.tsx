import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Countdown } from "@/components/challenges/countdown";
import { ChallengeMatchesPanel } from "@/components/challenges/matches-panel";
import { ChallengeTimeline } from "@/components/challenges/timeline";
import { Badge, formatCny, formatDate, Panel } from "@/components/challenges/ui";
import { ActionForm } from "@/components/form/action-form";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { CHALLENGE_NDA_TEXT } from "@/lib/challenges/nda";
import { getChallengeView } from "@/lib/challenges/queries";
import { isAppError } from "@/lib/errors";
import { acceptChallengeNdaAction } from "../actions";

export default async function ChallengePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  const c = await getChallengeView(actor, id).catch((e) => {
    if (isAppError(e) && (e.status === 404 || e.status === 401)) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "challenges" });
  const countdown = { closed: t("countdown.closed"), left: t("countdown.left"), d: t("countdown.d"), h: t("countdown.h"), m: t("countdown.m") };
  const d = c.details;
  return (
    <div>
      <Link href="/challenges" className="text-sm text-brand-700 hover:underline">
        ← {t("backToList")}
      </Link>
      <div className="mt-2 mb-4 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold">{c.title}</h1>
        <Badge status={c.status}>{t(`status.${c.status}`)}</Badge>
      </div>
      <Panel testId="challenge-summary">
        <p className="mb-4 text-slate-700">{c.teaser}</p>
        <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
          <div>
            <dt className="text-slate-500">{t("bounty")}</dt>
            <dd className="text-lg font-semibold text-brand-700">{formatCny(c.bountyTotalCny, locale)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("deadline")}</dt>
            <dd>
              {formatDate(c.applicationDeadline, locale)}
              <br />
              {c.status === "OPEN" ? <Countdown deadline={c.applicationDeadline} labels={countdown} /> : <span>{t("countdown.closed")}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("duration")}</dt>
            <dd>{t("months", { count: c.durationMonths })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("applications")}</dt>
            <dd data-testid="application-count" className="text-lg font-semibold">
              {c.applicationCount}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("field")}</dt>
            <dd>{c.field || "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("region")}</dt>
            <dd>{c.region ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("chain")}</dt>
            <dd>{c.chainNode ? (locale === "en" ? c.chainNode.nameEn : c.chainNode.nameZh) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("sponsor")}</dt>
            <dd>{d?.sponsor ?? t("sponsorHidden")}</dd>
          </div>
        </dl>
        <h3 className="mt-4 mb-1 text-sm font-semibold">{t("milestoneSplit")}</h3>
        <ul className="flex flex-wrap gap-2 text-sm">
          {c.milestoneSplit.map((m) => (
            <li key={m.title} className="rounded bg-slate-100 px-2 py-1">
              {m.title} · {m.percent}% · {formatCny(Math.round((c.bountyTotalCny * m.percent) / 100), locale)}
            </li>
          ))}
        </ul>
        <div className="mt-4 flex flex-wrap gap-2 text-sm">
          {c.may.apply && (
            <Link href={`/challenges/${c.id}/apply`} className="rounded bg-brand-600 px-4 py-2 text-white" data-testid="apply-link">
              {t("apply")}
            </Link>
          )}
          {c.myApplicationId && (
            <Link href={`/challenges/applications/${c.myApplicationId}`} className="rounded border border-brand-600 px-4 py-2 text-brand-700">
              {t("myApplication")}
            </Link>
          )}
          {c.may.manage && (
            <Link href={`/challenges/${c.id}/manage`} className="rounded border border-brand-600 px-4 py-2 text-brand-700">
              {t("console")}
            </Link>
          )}
          {c.may.review && (
            <Link href={`/challenges/${c.id}/review`} className="rounded border border-brand-600 px-4 py-2 text-brand-700">
              {t("reviewPage")}
            </Link>
          )}
          {!actor && c.status === "OPEN" && (
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/challenges/${c.id}`)}`} className="rounded border border-slate-300 px-4 py-2">
              {t("signInToApply")}
            </Link>
          )}
        </div>
      </Panel>

      <Panel title={t("timeline")} testId="timeline-panel">
        <ChallengeTimeline c={c} locale={locale} />
      </Panel>

      {actor && c.may.seeMatches && <ChallengeMatchesPanel actor={actor} challengeId={c.id} locale={locale} />}

      {!d && c.may.acceptNda && (
        <Panel title={t("ndaTitle")} testId="nda">
          <pre className="mb-3 max-h-56 overflow-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap">{CHALLENGE_NDA_TEXT}</pre>
          <ActionForm action={acceptChallengeNdaAction.bind(null, locale)} submitLabel={t("ndaAccept")} pendingLabel={t("pending")}>
            <input type="hidden" name="challengeId" value={c.id} />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="accept" /> {t("ndaAgree")}
            </label>
          </ActionForm>
        </Panel>
      )}
      {!d && !c.may.acceptNda && c.visibility === "CONFIDENTIAL" && <Panel>{t("ndaTeaser")}</Panel>}

      {d && (
        <>
          <Panel title={t("problem")} testId="problem">
            <p className="whitespace-pre-wrap text-slate-800">{d.problem}</p>
          </Panel>
          <Panel title={t("indicators")}>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b text-slate-500">
                    <th className="py-1 pr-3">{t("indicator")}</th>
                    <th className="py-1 pr-3">{t("target")}</th>
                    <th className="py-1">{t("verification")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr key={i.key} className="border-b last:border-0">
                      <td className="py-1 pr-3">{i.name}</td>
                      <td className="py-1 pr-3">{i.target}</td>
                      <td className="py-1">{i.verification}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
          <div className="grid gap-0 md:grid-cols-2 md:gap-6">
            <Panel title={t("eligibility")}>
              <ul className="list-disc pl-5 text-sm">
                <li>{d.eligibility.orgKinds?.length ? d.eligibility.orgKinds.map((k) => t(`orgKind.${k}`)).join(" / ") : t("anyOrg")}</li>
                <li>{d.eligibility.regions?.length ? d.eligibility.regions.join(" / ") : t("anyRegion")}</li>
                {d.eligibility.qualifications && <li>{d.eligibility.qualifications}</li>}
              </ul>
            </Panel>
            <Panel title={t("criteria")}>
              <ul className="text-sm">
                {d.criteria.map((cr) => (
                  <li key={cr.key} className="flex justify-between border-b py-1 last:border-0">
                    <span>{cr.name}</span>
                    <span className="tabular-nums">{cr.weight}%</span>
                  </li>
                ))}
              </ul>
              {d.blindReview && <p className="mt-2 text-xs text-slate-500">{t("blindReview")}</p>}
            </Panel>
          </div>
          {d.outcomes.length > 0 && (
            <Panel title={t("outcome")} testId="outcome">
              {d.outcomes.map((o) => (
                <div key={o.monthsAfter} className="mb-3 text-sm">
                  <h3 className="font-semibold">{o.monthsAfter === 0 ? t("outcomeAtCompletion") : t("outcomeAfter12")}</h3>
                  <ul className="list-disc pl-5">
                    {o.indicatorsReached.map((i) => (
                      <li key={i.key}>
                        {d.indicators.find((x) => x.key === i.key)?.name ?? i.key}: {i.measured} {i.reached ? "✓" : "✗"}
                      </li>
                    ))}
                    {o.products && (
                      <li>
                        {t("products")}: {o.products}
                      </li>
                    )}
                    {o.patentsFiled != null && (
                      <li>
                        {t("patents")}: {o.patentsFiled}
                      </li>
                    )}
                    {o.revenueCny != null && (
                      <li>
                        {t("revenue")}: {formatCny(o.revenueCny, locale)}
                      </li>
                    )}
                    {o.followOnContracts != null && (
                      <li>
                        {t("followOn")}: {o.followOnContracts}
                      </li>
                    )}
                    {o.contractRegistrationNo && (
                      <li>
                        {t("contractNo")}: {o.contractRegistrationNo}
                      </li>
                    )}
                  </ul>
                </div>
              ))}
            </Panel>
          )}
        </>
      )}
    </div>
  );
}
