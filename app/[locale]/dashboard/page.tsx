import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { MatchList } from "@/components/matching/match-list";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { getResearcherDashboard } from "@/lib/recommend/researcher-dashboard";
import { ChallengesForYou } from "@/components/challenges/for-you";

export default async function ResearcherDashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/dashboard");
  if (!can(actor, "researcher.dashboard")) notFound();
  const d = await getResearcherDashboard(actor);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const unavailable = { ok: false, reason: "unavailable" } as const;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="from-results">
        <h2 id="from-results" className="mb-3 text-xl font-semibold">
          {t("fromResults")}
        </h2>
        {d.resultCount === 0 && !d.unavailable ? (
          <p>
            {t("noResults")}{" "}
            <Link href="/results/new" className="text-brand-700 hover:underline">
              →
            </Link>
          </p>
        ) : (
          <MatchList
            response={d.unavailable ? unavailable : { ok: true, matches: d.fromResults }}
            locale={locale}
            basePath="/needs"
            emptyText={t("none")}
            testId="dashboard-from-results"
          />
        )}
      </section>
      <ChallengesForYou actor={actor} locale={locale} />
      <section aria-labelledby="from-expertise">
        <h2 id="from-expertise" className="mb-3 text-xl font-semibold">
          {t("fromExpertise")}
        </h2>
        {!d.hasProfile ? (
          <p>
            {t("noProfile")}{" "}
            <Link href="/expertise" className="text-brand-700 hover:underline">
              {t("editProfile")}
            </Link>
          </p>
        ) : (
          <MatchList
            response={d.unavailable ? unavailable : { ok: true, matches: d.fromExpertise }}
            locale={locale}
            basePath="/needs"
            emptyText={t("none")}
            testId="dashboard-from-expertise"
          />
        )}
      </section>
    </div>
  );
}
