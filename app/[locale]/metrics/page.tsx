import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { ChartSpec } from "@/components/monitor/chart-spec";
import { MonitorChart } from "@/components/monitor/monitor-chart";
import { SharingRateTable } from "@/components/instruments/sharing-rate-table";
import { Link } from "@/i18n/navigation";
import { defaultPeriod, sharingRateBy, sharingRateTrend } from "@/lib/instruments/metrics";
import { getPublishedMetrics } from "@/lib/monitor/published-metrics";
import { ALL_CHAINS, METRIC_KEYS } from "@/lib/monitor/suppress";

// Public: the platform's effectiveness by chain and quarter (issue 16), from the table the daily
// job stores already suppressed (lib/monitor/published-metrics.ts). Nobody needs to sign in.
export default async function PublicMetricsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "monitor" });
  const period = defaultPeriod();
  const [data, sharingByKind, sharingByRegion, sharingTrend] = await Promise.all([
    getPublishedMetrics(),
    sharingRateBy({ groupBy: "institutionKind", ...period }),
    sharingRateBy({ groupBy: "region", ...period }),
    sharingRateTrend(period),
  ]);
  const en = locale === "en";
  const chainName = (id: string) => {
    if (id === ALL_CHAINS) return t("allChains");
    if (id === "") return t("untagged");
    const c = data.chains.find((x) => x.id === id);
    return c ? (en ? c.nameEn : c.nameZh) : id;
  };
  const num = new Intl.NumberFormat(en ? "en" : "zh-CN");
  const quartersAsc = [...data.quarters].sort();
  const totals = quartersAsc.map((q) => data.rows.find((r) => r.quarter === q && r.chainId === ALL_CHAINS)?.needsPosted ?? null);
  const spec: ChartSpec = { kind: "bar", title: t("publicChartTitle"), categories: quartersAsc, series: [{ name: t("metric.needsPosted"), data: totals }] };
  // Shared instruments (issue 17): the external sharing rate, so the 7% can be watched moving.
  const sharingSpec: ChartSpec = {
    kind: "line",
    title: t("sharingTrend"),
    categories: sharingTrend.map((p) => p.month),
    series: [
      { name: t("sharingRate"), data: sharingTrend.map((p) => (p.externalSharingRate === null ? null : Math.round(p.externalSharingRate * 1000) / 10)) },
    ],
  };
  const order = (id: string) => (id === ALL_CHAINS ? 0 : id === "" ? 2 : 1);

  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-semibold">{t("publicTitle")}</h1>
        <p className="max-w-3xl text-slate-600">{t("publicIntro")}</p>
        {data.computedAt && <p className="mt-2 text-xs text-slate-500">{t("publicComputedAt", { at: data.computedAt.toISOString().slice(0, 10) })}</p>}
      </section>
      {data.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-500 shadow-sm">{t("publicEmpty")}</p>
      ) : (
        <>
          <ClientMessages namespaces={["monitor"]}>
            <section className="rounded-lg bg-white p-4 shadow-sm">
              <MonitorChart spec={spec} filename="published-needs-per-quarter" height={260} />
            </section>
          </ClientMessages>
          {data.quarters.map((q) => (
            <section key={q} className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid={`metrics-${q}`}>
              <table className="w-full min-w-[720px] border-collapse text-sm">
                <caption className="mb-2 text-left text-lg font-semibold">{q}</caption>
                <thead>
                  <tr className="border-b text-left text-xs text-slate-500">
                    <th className="p-2">{t("chain")}</th>
                    {METRIC_KEYS.map((k) => (
                      <th key={k} className="p-2 text-right">
                        {t(`metric.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows
                    .filter((r) => r.quarter === q)
                    .sort((a, b) => order(a.chainId) - order(b.chainId) || a.chainId.localeCompare(b.chainId))
                    .map((r) => (
                      <tr
                        key={r.chainId}
                        className={`border-b last:border-0 ${r.chainId === ALL_CHAINS ? "font-semibold" : ""}`}
                        data-testid={`metrics-row-${r.chainId || "untagged"}`}
                      >
                        <td className="p-2">{chainName(r.chainId)}</td>
                        {METRIC_KEYS.map((k) => (
                          <td key={k} className="p-2 text-right tabular-nums" data-metric={k} data-suppressed={r[k] === null ? "1" : undefined}>
                            {r[k] === null ? <span className="text-slate-400">{t("suppressed")}</span> : num.format(r[k]!)}
                          </td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))}
          <p className="text-xs text-slate-500">{t("suppressedNote")}</p>
        </>
      )}
      <section className="space-y-4" data-testid="metrics-sharing">
        <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 className="mb-1 text-xl font-semibold">{t("sharingTitle")}</h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("sharingIntro")}</p>
          <ClientMessages namespaces={["monitor"]}>
            <MonitorChart spec={sharingSpec} filename="instrument-sharing-rate" height={240} />
          </ClientMessages>
          <Link href="/instruments/metrics" className="text-sm text-brand-700 hover:underline">
            {t("sharingMore")}
          </Link>
        </div>
        <SharingRateTable locale={locale} title={t("sharingByKind")} rows={sharingByKind} groupBy="institutionKind" testId="metrics-sharing-kind" />
        <SharingRateTable locale={locale} title={t("sharingByRegion")} rows={sharingByRegion} groupBy="region" testId="metrics-sharing-region" />
      </section>
    </div>
  );
}
