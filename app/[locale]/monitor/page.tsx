import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { MonitorChart } from "@/components/monitor/monitor-chart";
import type { ChainMapSpec } from "@/components/monitor/chart-spec";
import { filterQuery, MonitorFilterForm } from "@/components/monitor/monitor-filters";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getChainMap, listMonitorChains } from "@/lib/monitor/get-monitor";
import { parseMonitorFilters } from "@/lib/monitor/schemas";
import { can } from "@/lib/policy";

const STAGES = ["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"] as const;

// The chain monitor (issue 16): every chain as its nodes from upstream to downstream, coloured
// by bottleneck score and sized by open demand; a node links to its portrait. Policy analysts,
// brokers and admins ("monitor.read"). Figures come from the aggregates (lib/monitor).
export default async function MonitorPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/monitor");
  if (!can(actor, "monitor.read")) notFound();
  const filters = parseMonitorFilters(await searchParams);
  if (filters.node) {
    redirect(
      `/${locale}/monitor/nodes/${encodeURIComponent(filters.node)}${filterQuery({ region: filters.region, orgKind: filters.orgKind, period: filters.period })}`,
    );
  }
  const [data, allChains] = await Promise.all([getChainMap(actor, filters), listMonitorChains()]);
  const t = await getTranslations({ locale, namespace: "monitor" });
  const en = locale === "en";
  const name = (x: { nameZh: string; nameEn: string }) => (en ? x.nameEn : x.nameZh);
  const q = filterQuery({ region: filters.region, orgKind: filters.orgKind, period: filters.period });
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
            <p className="max-w-3xl text-slate-600">{t("intro")}</p>
          </div>
          {can(actor, "monitor.keyList") && (
            <Link
              href="/monitor/lists"
              className="rounded border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
              data-testid="key-lists-link"
            >
              {t("lists")}
            </Link>
          )}
        </div>
        <p className="mt-2 text-xs text-slate-500">
          {data.refreshedAt ? t("refreshedAt", { at: data.refreshedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" }) : t("notRefreshed")}
        </p>
        <div className="mt-4">
          <MonitorFilterForm locale={locale} action={`/${locale}/monitor`} filters={filters} chains={allChains} regions={data.regions} />
        </div>
      </section>

      <ClientMessages namespaces={["monitor"]}>
        {data.chains.map((c) => {
          const spec: ChainMapSpec = {
            kind: "chainMap",
            title: t("chainMapTitle", { chain: name(c) }),
            stages: STAGES.map((s) => ({ id: s, label: t(`stages.${s}`) })),
            highLabel: t("high"),
            lowLabel: t("low"),
            nodes: c.nodes.map((n) => ({
              id: n.id,
              stage: n.stage,
              label: name(n),
              score: n.score,
              demand: n.openDemand,
              tooltip: t("nodeTooltip", { node: name(n), score: n.score, trend: signed(n.trend), open: n.openDemand, unmet: n.unmetDemand }),
            })),
          };
          return (
            <section key={c.id} className="rounded-lg bg-white p-4 shadow-sm sm:p-6" aria-labelledby={`chain-${c.id}`} data-testid={`chain-map-${c.id}`}>
              <h2 id={`chain-${c.id}`} className="mb-2 text-lg font-semibold">
                {name(c)}
              </h2>
              <MonitorChart
                spec={spec}
                filename={`chain-map-${c.id}`}
                height={Math.max(280, 80 * Math.max(...STAGES.map((s) => c.nodes.filter((n) => n.stage === s).length), 1) + 130)}
                nodeHref={`/${locale}/monitor/nodes/__ID__${q}`}
              />
              <div className="mt-3 overflow-x-auto">
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr className="border-b text-left text-xs text-slate-500">
                      <th className="p-2">{t("col.node")}</th>
                      <th className="p-2">{t("col.stage")}</th>
                      <th className="p-2 text-right">{t("col.score")}</th>
                      <th className="p-2 text-right">{t("col.trend")}</th>
                      <th className="p-2 text-right">{t("col.openDemand")}</th>
                      <th className="p-2 text-right">{t("col.unmetDemand")}</th>
                      <th className="p-2 text-right">{t("col.posted")}</th>
                      <th className="p-2 text-right">{t("col.supply")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.nodes.map((n) => (
                      <tr key={n.id} className="border-b last:border-0" data-testid={`node-row-${n.id}`}>
                        <td className="p-2">
                          <Link href={`/monitor/nodes/${encodeURIComponent(n.id)}${q}`} className="text-brand-700 hover:underline">
                            {name(n)}
                          </Link>
                        </td>
                        <td className="p-2 text-slate-500">{t(`stages.${n.stage as (typeof STAGES)[number]}`)}</td>
                        <td className="p-2 text-right font-semibold tabular-nums" data-stat="score">
                          {n.score}
                        </td>
                        <td className={`p-2 text-right tabular-nums ${n.trend > 5 ? "font-semibold text-red-700" : "text-slate-600"}`}>
                          {signed(n.trend)}
                          {n.trend > 5 ? ` ▲ ${t("rising")}` : ""}
                        </td>
                        <td className="p-2 text-right tabular-nums">{n.openDemand}</td>
                        <td className="p-2 text-right tabular-nums">{n.unmetDemand}</td>
                        <td className="p-2 text-right tabular-nums">{n.postedInPeriod}</td>
                        <td className="p-2 text-right tabular-nums">{n.supply}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
      </ClientMessages>

      <p className="text-sm">
        <Link href="/instruments/metrics" className="text-brand-700 hover:underline" data-testid="instruments-link">
          {t("instrumentsLink")} →
        </Link>
      </p>
    </div>
  );
}
