import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getBrokerMetrics } from "@/lib/broker/metrics";
import { ChallengeCountsPanel } from "@/components/challenges/counts-panel";
import { getChallengeCounts } from "@/lib/challenges/metrics";
import type { GroupMetrics } from "@/lib/broker/metrics-compute";
import { PIPELINE } from "@/lib/deals/transitions";
import { can } from "@/lib/policy";

export default async function MetricsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/broker/metrics");
  if (!can(actor, "metrics.read")) notFound();
  const metrics = await getBrokerMetrics(actor);
  const challengeCounts = await getChallengeCounts(actor, "metrics.read");
  const t = await getTranslations({ locale, namespace: "broker" });
  const td = await getTranslations({ locale, namespace: "deal" });
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
  const table = (caption: string, rows: GroupMetrics[], testId: string) => (
    // Phones: the table scrolls sideways instead of squeezing its columns to one character.
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse bg-white text-sm shadow-sm" data-testid={testId}>
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b text-left">
            <th className="p-2">{t("name")}</th>
            <th className="p-2">{t("deals")}</th>
            <th className="p-2">{t("medianResponse")}</th>
            {PIPELINE.slice(1).map((s) => (
              <th key={s} className="p-2">
                {td(`state.${s}`)}
              </th>
            ))}
            <th className="p-2">{t("contracts")}</th>
            <th className="p-2">{t("contractValue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.name} className="border-b">
              <td className="p-2">{m.name}</td>
              <td className="p-2">{m.deals}</td>
              <td className="p-2">{m.medianHoursToFirstResponse ?? "–"}</td>
              {m.conversion.slice(1).map((c, i) => (
                <td key={i} className="p-2">
                  {m.reached[i + 1]} ({pct(c)})
                </td>
              ))}
              <td className="p-2">{m.contracts}</td>
              <td className="p-2">{m.contractValueCny.toLocaleString(locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="space-y-8">
      <div className="flex items-baseline gap-4">
        <h1 className="text-2xl font-semibold">{t("metricsTitle")}</h1>
        <a href={`/${locale}/broker/metrics/export`} className="text-brand-700 hover:underline" download>
          {t("exportCsv")}
        </a>
      </div>
      <p className="text-sm text-slate-500">{t("conversion")}</p>
      {table(t("byBroker"), metrics.brokers, "metrics-brokers")}
      {table(t("byOffice"), metrics.offices, "metrics-offices")}
      <ChallengeCountsPanel counts={challengeCounts} locale={locale} />
    </div>
  );
}
