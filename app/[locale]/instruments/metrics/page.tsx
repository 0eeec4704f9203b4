import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { defaultPeriod, getInstitutionMetrics, sharingByInstitution, sharingRateBy, sharingRateTrend } from "@/lib/instruments/metrics";
import { can } from "@/lib/policy";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { SharingRateTable } from "@/components/instruments/sharing-rate-table";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

export default async function InstrumentMetricsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  const t = await getTranslations({ locale, namespace: "instruments" });
  const period = defaultPeriod();
  const own = actor?.organisationId && can(actor, "instrument.metrics", { organisationId: actor.organisationId, managerId: "", status: "ACTIVE" });
  const [byKind, byRegion, trend, institution, institutions] = await Promise.all([
    sharingRateBy({ groupBy: "institutionKind", ...period }),
    sharingRateBy({ groupBy: "region", ...period }),
    sharingRateTrend(period),
    own ? getInstitutionMetrics(actor, actor.organisationId!, period) : Promise.resolve(null),
    can(actor, "instrument.institutionMetrics") ? sharingByInstitution(actor, period) : Promise.resolve(null),
  ]);
  const max = Math.max(1, ...trend.map((p) => p.hoursUsed));
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments/metrics" />
      <h1 className="mb-1 text-2xl font-semibold">{t("metrics.title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("metrics.intro")}</p>
      <div className="grid gap-4">
        <SharingRateTable locale={locale} title={t("metrics.byKind")} rows={byKind} groupBy="institutionKind" testId="rate-by-kind" />
        <SharingRateTable locale={locale} title={t("metrics.byRegion")} rows={byRegion} groupBy="region" testId="rate-by-region" />
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("metrics.trend")}</h2>
          <ol className="space-y-1 text-sm">
            {trend.map((p) => (
              <li key={p.month} className="grid grid-cols-[4.5rem_1fr_4rem] items-center gap-2">
                <span className="text-slate-500">{p.month}</span>
                <span className="h-3 rounded bg-brand-100" aria-hidden>
                  <span className="block h-3 rounded bg-brand-600" style={{ width: `${Math.round((p.hoursUsed / max) * 100)}%` }} />
                </span>
                <span className="text-right">{pct(p.externalSharingRate)}</span>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-500">{t("metrics.trendHint")}</p>
        </div>
        {institutions && (
          <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-1 text-lg font-semibold">{t("metrics.byInstitution")}</h2>
            <p className="mb-2 text-xs text-slate-500">{t("metrics.byInstitutionHint")}</p>
            <table className="w-full min-w-[48rem] text-sm" data-testid="rate-by-institution">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1">{t("metrics.institutionCol")}</th>
                  <th className="text-right">{t("metrics.instruments")}</th>
                  <th className="text-right">{t("metrics.hoursAvailable")}</th>
                  <th className="text-right">{t("metrics.hoursUsedInternal")}</th>
                  <th className="text-right">{t("metrics.hoursUsedExternal")}</th>
                  <th className="text-right">{t("metrics.externalSharingRate")}</th>
                  <th className="text-right">{t("metrics.externalOrganisationsServed")}</th>
                  <th className="text-right">{t("metrics.medianApproval")}</th>
                  <th className="text-right">{t("metrics.ratingCol")}</th>
                </tr>
              </thead>
              <tbody>
                {institutions.map((g) => (
                  <tr key={g.organisationId} className="border-t border-slate-100">
                    <td className="py-1">
                      {g.name}
                      <span className="text-xs text-slate-500"> · {t(`orgKind.${g.kind}`)}</span>
                    </td>
                    <td className="text-right">{g.instruments}</td>
                    <td className="text-right">{g.hoursAvailable}</td>
                    <td className="text-right">{g.hoursUsedInternal}</td>
                    <td className="text-right">{g.hoursUsedExternal}</td>
                    <td className="text-right font-semibold">{pct(g.externalSharingRate)}</td>
                    <td className="text-right">{g.externalOrganisationsServed}</td>
                    <td className="text-right">{g.medianHoursToApproval ?? "—"}</td>
                    <td className="text-right">{g.averageRating ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {institution && institution.perInstrument.length > 0 && (
          <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm" data-testid="institution-metrics">
            <h2 className="mb-2 text-lg font-semibold">{t("metrics.institution")}</h2>
            <p className="mb-2 text-sm" data-testid="institution-rate">
              {t("metrics.institutionSummary", {
                rate: pct(institution.total.externalSharingRate),
                orgs: institution.total.externalOrganisationsServed,
                median: institution.total.medianHoursToApproval ?? "—",
                rating: institution.total.averageRating ?? "—",
              })}
            </p>
            <table className="w-full min-w-[36rem] text-sm">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1">{t("metrics.instrument")}</th>
                  <th className="text-right">{t("metrics.hoursAvailable")}</th>
                  <th className="text-right">{t("metrics.hoursUsedInternal")}</th>
                  <th className="text-right">{t("metrics.hoursUsedExternal")}</th>
                  <th className="text-right">{t("metrics.externalSharingRate")}</th>
                  <th className="text-right">{t("metrics.externalOrganisationsServed")}</th>
                  <th className="text-right">{t("metrics.averageRating")}</th>
                </tr>
              </thead>
              <tbody>
                {institution.perInstrument.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100">
                    <td className="py-1">
                      <Link href={`/instruments/${i.id}`} className="text-brand-700 hover:underline">
                        {i.name}
                      </Link>
                    </td>
                    <td className="text-right">{i.metrics.hoursAvailable}</td>
                    <td className="text-right">{i.metrics.hoursUsedInternal}</td>
                    <td className="text-right">{i.metrics.hoursUsedExternal}</td>
                    <td className="text-right">{pct(i.metrics.externalSharingRate)}</td>
                    <td className="text-right">{i.metrics.externalOrganisationsServed}</td>
                    <td className="text-right">{i.metrics.averageRating ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
