import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AddToListForm } from "@/components/monitor/add-to-list-form";
import type { ChartSpec } from "@/components/monitor/chart-spec";
import { MonitorChart } from "@/components/monitor/monitor-chart";
import { MonitorFilterForm } from "@/components/monitor/monitor-filter-form";
import { filterQuery } from "@/components/monitor/monitor-filters";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNodePortrait, listMonitorChains, listRegions } from "@/lib/monitor/get-monitor";
import { listKeyLists } from "@/lib/monitor/key-project-list";
import { parseMonitorFilters } from "@/lib/monitor/schemas";
import { can } from "@/lib/policy";
import { addKeyItemAction } from "../../actions";

const SERIES = ["posted", "matched", "contacted", "contracted", "expiredUnsolved", "resultsPublished"] as const;
const COMPONENTS = ["openDemand", "demandGrowth", "unmetDemand", "daysToMatch", "daysToContact", "unsolvedShare", "supply", "trlGap"] as const;

// A node's portrait: monthly series, score trend, TRL gap, regions, collaboration modes, the top
// needs this viewer may see (counts include the others) and the strongest supply.
export default async function NodePortraitPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/monitor/nodes/${id}`);
  if (!can(actor, "monitor.read")) notFound();
  const filters = parseMonitorFilters(await searchParams);
  // The viewer's lists are read beside the portrait (one round trip less before the first byte).
  const [p, lists, regions, chains] = await Promise.all([
    getNodePortrait(actor, id, filters).catch((e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    can(actor, "monitor.keyList") ? listKeyLists(actor) : Promise.resolve([]),
    listRegions(),
    listMonitorChains(),
  ]);
  const t = await getTranslations({ locale, namespace: "monitor" });
  const tm = await getTranslations({ locale, namespace: "wizard" });
  const en = locale === "en";
  const name = (x: { nameZh: string; nameEn: string }) => (en ? x.nameEn : x.nameZh);
  const fmt = (v: number | null) => (v === null ? "—" : Math.round(v * 10) / 10);
  const trls = Array.from({ length: 9 }, (_, i) => `TRL ${i + 1}`);
  const charts: { spec: ChartSpec; file: string }[] = [
    {
      file: `node-${id}-monthly`,
      spec: { kind: "line", title: t("monthlyTitle"), categories: p.months, series: SERIES.map((k) => ({ name: t(`series.${k}`), data: p.series[k] })) },
    },
    {
      file: `node-${id}-score`,
      spec: { kind: "line", title: t("scoreTitle"), categories: p.months, series: [{ name: t("series.score"), data: p.score }], yMax: 100 },
    },
    {
      file: `node-${id}-trl`,
      spec: {
        kind: "bar",
        title: t("trlTitle"),
        categories: trls,
        series: [
          { name: t("trlNeeds"), data: p.trl.needs },
          { name: t("trlResults"), data: p.trl.results },
        ],
      },
    },
    {
      file: `node-${id}-regions`,
      spec: {
        kind: "bar",
        title: t("regionsTitle"),
        categories: p.regions.map((r) => r.region || t("noRegion")),
        series: [{ name: t("series.posted"), data: p.regions.map((r) => r.posted) }],
      },
    },
    {
      file: `node-${id}-modes`,
      spec: {
        kind: "pie",
        title: t("modesTitle"),
        slices: p.modes.map((m) => ({ name: tm.has(`modes.${m.mode}`) ? tm(`modes.${m.mode}`) : m.mode, value: m.count })),
      },
    },
  ];
  const q = filterQuery({ chain: p.node.chain.id, region: filters.region, orgKind: filters.orgKind, period: filters.period });
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

  // One ClientMessages around the page: the filter form, the charts and the list form are client
  // components of the same namespace, sent once.
  return (
    <ClientMessages namespaces={["monitor"]}>
      <div className="space-y-6">
        <section className="rounded-lg bg-white p-6 shadow-sm">
          <Link href={`/monitor${q}`} className="text-sm text-brand-700 hover:underline">
            ← {t("backToMap")}
          </Link>
          <h1 className="mt-2 text-2xl font-semibold" data-testid="portrait-title">
            {name(p.node.chain)} · {name(p.node)}
          </h1>
          <p className="text-sm text-slate-500">
            {t("portrait")} · {t(`stages.${p.node.stage as "UPSTREAM"}`)}
          </p>
          <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-end sm:gap-6">
            <div>
              <div className="text-xs text-slate-500">{t("scoreNow")}</div>
              <div className="text-4xl font-bold tabular-nums" data-testid="portrait-score">
                {p.current.score}
              </div>
              <div className={`text-sm ${p.current.trend > 5 ? "font-semibold text-red-700" : "text-slate-600"}`}>
                {t("trend3m", { trend: signed(p.current.trend) })}
              </div>
            </div>
            <dl className="grid w-full grid-cols-2 gap-3 sm:flex-1 sm:grid-cols-4">
              {COMPONENTS.map((k) => (
                <div key={k} className="rounded bg-slate-50 p-2">
                  <dt className="text-xs text-slate-500">{t(`components.${k}`)}</dt>
                  <dd className="font-semibold tabular-nums">
                    {(k === "unsolvedShare" || k === "demandGrowth") && p.current.components[k] !== null
                      ? `${Math.round(p.current.components[k]! * 100)}%`
                      : fmt(p.current.components[k])}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="mt-4">
            <MonitorFilterForm
              action={`/${locale}/monitor`}
              filters={{ ...filters, node: id }}
              chains={chains.map((c) => ({ id: c.id, name: name(c), nodes: c.nodes.map((n) => ({ id: n.id, name: name(n) })) }))}
              regions={regions}
              showChain={false}
            />
          </div>
        </section>

        <div className="grid gap-6 lg:grid-cols-2">
          {charts.map((c, i) => (
            <section key={c.file} className={`rounded-lg bg-white p-4 shadow-sm ${i === 0 ? "lg:col-span-2" : ""}`}>
              <MonitorChart spec={c.spec} filename={c.file} height={i === 0 ? 340 : 280} />
            </section>
          ))}
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <section className="rounded-lg bg-white p-6 shadow-sm" data-testid="top-needs">
            <h2 className="text-lg font-semibold">{t("topNeeds")}</h2>
            <p className="mb-3 text-xs text-slate-500">{t("topNeedsHint")}</p>
            {p.topNeeds.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noNeeds")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {p.topNeeds.map((n) => (
                  <li key={n.id}>
                    <Link href={`/needs/${n.id}`} className="text-brand-700 hover:underline">
                      {n.title}
                    </Link>
                    {n.trlTarget ? <span className="ml-2 text-xs text-slate-500">TRL {n.trlTarget}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {p.hiddenOpenNeeds > 0 && <p className="mt-3 text-xs text-slate-500">{t("hiddenNeeds", { n: p.hiddenOpenNeeds })}</p>}
          </section>
          <section className="rounded-lg bg-white p-6 shadow-sm" data-testid="supply">
            <h2 className="text-lg font-semibold">{t("supplyTitle")}</h2>
            <p className="mb-3 text-xs text-slate-500">{t("supplyHint")}</p>
            <h3 className="text-sm font-semibold text-slate-700">{t("supplyResults", { n: p.current.components.results })}</h3>
            {p.supply.results.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noSupply")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {p.supply.results.map((r) => (
                  <li key={r.id}>
                    <Link href={`/results/${r.id}`} className="text-brand-700 hover:underline">
                      {r.title}
                    </Link>
                    <span className="ml-2 text-xs text-slate-500">
                      {r.organisation}
                      {r.trl ? ` · TRL ${r.trl}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="mt-4 text-sm font-semibold text-slate-700" data-testid="supply-researchers">
              {t("supplyResearchers", { n: p.current.components.researchers })}
            </h3>
            {p.supply.researchers.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noSupply")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {p.supply.researchers.map((r) => (
                  <li key={r.id}>
                    {r.name}
                    <span className="ml-2 text-xs text-slate-500">
                      {r.organisation}
                      {r.results > 0 ? ` · ${t("researcherResults", { n: r.results })}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="mt-4 text-sm font-semibold text-slate-700" data-testid="supply-instruments">
              {t("supplyInstruments", { n: p.current.components.instruments })}
            </h3>
            {p.supply.instruments.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noSupply")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {p.supply.instruments.map((i) => (
                  <li key={i.id}>
                    <Link href={`/instruments/${i.id}`} className="text-brand-700 hover:underline">
                      {en && i.nameEn ? i.nameEn : i.name}
                    </Link>
                    <span className="ml-2 text-xs text-slate-500">{i.organisation}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        {can(actor, "monitor.keyList") && (
          <section className="rounded-lg bg-white p-6 shadow-sm">
            <h2 className="mb-3 text-lg font-semibold">{t("addToList")}</h2>
            {lists.length === 0 ? (
              <p className="text-sm text-slate-600">
                {t("noLists")}{" "}
                <Link href="/monitor/lists" className="text-brand-700 hover:underline">
                  {t("createListFirst")}
                </Link>
              </p>
            ) : (
              <AddToListForm
                action={addKeyItemAction.bind(null, locale)}
                chainNodeId={p.node.id}
                lists={lists}
                needs={p.topNeeds.map((n) => ({ id: n.id, title: n.title }))}
              />
            )}
          </section>
        )}
      </div>
    </ClientMessages>
  );
}
