"use client";
import { useCallback, useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { ChainMapSpec } from "./chart-spec";
import { MonitorChart } from "./monitor-chart";

export const STAGES = ["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"] as const;

/** One node of the map as the server sends it: figures and the name in the page's language. */
export type MapNodeData = {
  id: string;
  stage: string;
  name: string;
  score: number;
  trend: number;
  openDemand: number;
  unmetDemand: number;
  postedInPeriod: number;
  supply: number;
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

// One industry chain of the map: its chart (ECharts graph, PNG/CSV export) and the same nodes as
// a table (keyboard and screen-reader access, and the links). A client component, so the page's
// payload carries the figures once (compact JSON) instead of the rendered tree of every row.
// The server's render of it formats only what the HTML shows: the nodes' tooltips are formatted
// by the chart in the browser (they were most of this component's server time, 86 ICU messages).
export function ChainMapSection({ chain, nodes, query }: { chain: { id: string; name: string }; nodes: MapNodeData[]; query: string }) {
  const t = useTranslations("monitor");
  const locale = useLocale();
  const stageLabel = useMemo(() => Object.fromEntries(STAGES.map((s) => [s, t(`stages.${s}`)])) as Record<string, string>, [t]);
  const spec = useMemo<ChainMapSpec>(
    () => ({
      kind: "chainMap",
      title: t("chainMapTitle", { chain: chain.name }),
      stages: STAGES.map((s) => ({ id: s, label: stageLabel[s]! })),
      highLabel: t("high"),
      lowLabel: t("low"),
      nodes: nodes.map((n) => ({ id: n.id, stage: n.stage, label: n.name, score: n.score, demand: n.openDemand })),
    }),
    [chain, nodes, stageLabel, t],
  );
  const nodeTooltip = useCallback(
    (id: string) => {
      const n = nodes.find((x) => x.id === id);
      return n ? t("nodeTooltip", { node: n.name, score: n.score, trend: signed(n.trend), open: n.openDemand, unmet: n.unmetDemand }) : "";
    },
    [nodes, t],
  );
  const rows = Math.max(1, ...STAGES.map((s) => nodes.filter((n) => n.stage === s).length));
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm sm:p-6" aria-labelledby={`chain-${chain.id}`} data-testid={`chain-map-${chain.id}`}>
      <h2 id={`chain-${chain.id}`} className="mb-2 text-lg font-semibold">
        {chain.name}
      </h2>
      <MonitorChart
        spec={spec}
        filename={`chain-map-${chain.id}`}
        height={Math.max(280, 105 * rows + 130)}
        nodeHref={`/${locale}/monitor/nodes/__ID__${query}`}
        nodeTooltip={nodeTooltip}
      />
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-sm [&_td]:p-2 [&_th]:p-2 [&_td:nth-child(n+3)]:text-right [&_td:nth-child(n+3)]:tabular-nums [&_th:nth-child(n+3)]:text-right">
          <thead>
            <tr className="border-b text-left text-xs text-slate-500">
              <th>{t("col.node")}</th>
              <th>{t("col.stage")}</th>
              <th>{t("col.score")}</th>
              <th>{t("col.trend")}</th>
              <th>{t("col.openDemand")}</th>
              <th>{t("col.unmetDemand")}</th>
              <th>{t("col.posted")}</th>
              <th>{t("col.supply")}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id} className="border-b last:border-0" data-testid={`node-row-${n.id}`}>
                <td>
                  <Link href={`/monitor/nodes/${encodeURIComponent(n.id)}${query}`} className="text-brand-700 hover:underline">
                    {n.name}
                  </Link>
                </td>
                <td className="text-slate-500">{stageLabel[n.stage]}</td>
                <td className="font-semibold" data-stat="score">
                  {n.score}
                </td>
                <td className={n.trend > 5 ? "font-semibold text-red-700" : "text-slate-600"}>
                  {signed(n.trend)}
                  {n.trend > 5 ? ` ▲ ${t("rising")}` : ""}
                </td>
                <td>{n.openDemand}</td>
                <td>{n.unmetDemand}</td>
                <td>{n.postedInPeriod}</td>
                <td>{n.supply}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
