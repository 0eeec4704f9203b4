"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import * as echarts from "echarts/core";
import { BarChart, GraphChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";
import { chartCsv, type ChartSpec } from "./chart-spec";

// One small client wrapper around Apache ECharts (tree-shaken: only the chart types and
// components used here are bundled). The server computes the data (ChartSpec, plain JSON);
// this component turns it into an ECharts option, draws it on a canvas, resizes with its box, and
// exports it: PNG through ECharts' own getDataURL, CSV from the same data (BOM for Excel).
echarts.use([BarChart, GraphChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const PALETTE = ["#2563eb", "#16a34a", "#f59e0b", "#9333ea", "#dc2626", "#0891b2", "#64748b"];

function optionOf(spec: ChartSpec, width: number, height: number, nodeTooltip?: (id: string) => string): EChartsCoreOption {
  const base = { color: PALETTE, animation: false, tooltip: { trigger: spec.kind === "pie" || spec.kind === "chainMap" ? "item" : "axis" } };
  if (spec.kind === "pie") {
    return { ...base, legend: { bottom: 0, type: "scroll" }, series: [{ type: "pie", radius: ["35%", "65%"], data: spec.slices }] };
  }
  if (spec.kind === "chainMap") {
    const stages = spec.stages;
    const byStage = stages.map((s) => spec.nodes.filter((n) => n.stage === s.id));
    const rows = Math.max(1, ...byStage.map((l) => l.length));
    const maxDemand = Math.max(1, ...spec.nodes.map((n) => n.demand));
    // Coordinates in pixels of the drawing area (box less the margins), with two invisible anchors
    // at its corners: the graph maps its data's bounding box onto that area, so the scale is 1 both
    // ways and the circles stay round and apart, on a phone too.
    const margin = width < 640 ? 44 : 80;
    const top = 40;
    const bottom = 80;
    const areaW = Math.max(180, width - 2 * margin);
    const areaH = Math.max(80, height - top - bottom);
    const colGap = areaW / 2;
    const maxSize = Math.min(64, colGap * 0.5, (areaH / rows) * 0.55);
    const data = spec.nodes.map((n) => {
      const col = stages.findIndex((s) => s.id === n.stage);
      const row = byStage[col]?.indexOf(n) ?? 0;
      const count = byStage[col]?.length ?? 1;
      return {
        id: n.id,
        name: n.label,
        x: col * colGap,
        y: ((row + 0.5) * areaH) / count,
        value: n.score,
        symbolSize: Math.round(maxSize * (0.35 + 0.65 * Math.sqrt(n.demand / maxDemand))),
        label: { show: true, position: "bottom", formatter: `${n.label}\n${n.score}`, width: Math.min(150, colGap - 8), overflow: "truncate" },
        tooltip: { formatter: nodeTooltip?.(n.id) ?? n.label },
      };
    });
    const anchor = (id: string, x: number, y: number) => ({ id, name: "", x, y, symbolSize: 0, label: { show: false }, tooltip: { show: false } });
    const graphData: object[] = [...data, anchor("__top_left", 0, 0), anchor("__bottom_right", areaW, areaH)];
    const links = spec.nodes.flatMap((a) => {
      const col = stages.findIndex((s) => s.id === a.stage);
      return (byStage[col + 1] ?? []).map((b) => ({ source: a.id, target: b.id }));
    });
    return {
      ...base,
      visualMap: {
        min: 0,
        max: 100,
        dimension: 0,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        calculable: false,
        text: [spec.highLabel, spec.lowLabel],
        inRange: { color: ["#16a34a", "#facc15", "#dc2626"] },
      },
      series: [
        {
          type: "graph",
          layout: "none",
          roam: false,
          // circles keep their size in pixels however narrow the box (no ellipses on a phone)
          nodeScaleRatio: 0,
          data: graphData,
          links,
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 8,
          lineStyle: { color: "#cbd5e1", width: 1, opacity: 0.7 },
          label: { fontSize: 11, color: "#334155" },
          // room for the outermost nodes' circles and labels, and the colour scale below
          left: margin,
          right: margin,
          top,
          bottom,
        },
      ],
    };
  }
  return {
    ...base,
    legend: { top: 0, type: "scroll" },
    grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
    xAxis: { type: "category", data: spec.categories },
    yAxis: { type: "value", ...(spec.yMax ? { max: spec.yMax } : {}) },
    series: spec.series.map((s) => ({ type: spec.kind, name: s.name, data: s.data, smooth: false, ...(spec.stack ? { stack: "all" } : {}) })),
  };
}

/**
 * `nodeTooltip`: a chain map node's tooltip text, asked for only here in the browser when the
 * option is built (the server's render of a map draws nothing, so it formats none of them).
 */
export function MonitorChart({
  spec,
  filename,
  height = 320,
  nodeHref,
  nodeTooltip,
}: {
  spec: ChartSpec;
  filename: string;
  height?: number;
  nodeHref?: string;
  nodeTooltip?: (id: string) => string;
}) {
  const t = useTranslations("monitor");
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const router = useRouter();

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: "canvas" });
    chart.current = c;
    let width = box.current.clientWidth;
    c.setOption(optionOf(spec, width, height, nodeTooltip));
    if (nodeHref)
      c.on(
        "click",
        (p) =>
          p.dataType === "node" &&
          !String((p.data as { id: string }).id).startsWith("__") &&
          router.push(nodeHref.replace("__ID__", encodeURIComponent(String((p.data as { id: string }).id)))),
      );
    const ro = new ResizeObserver(() => {
      // The chain map lays its nodes out for the box's width: lay out again when it changes.
      const now = box.current?.clientWidth ?? width;
      if (spec.kind === "chainMap" && now !== width) c.setOption(optionOf(spec, (width = now), height, nodeTooltip), { notMerge: true });
      c.resize();
    });
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [spec, nodeHref, nodeTooltip, router, height]);

  const download = (href: string, name: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const png = () => chart.current && download(chart.current.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }), `${filename}.png`);
  const csv = () => {
    const url = URL.createObjectURL(new Blob([chartCsv(spec)], { type: "text/csv;charset=utf-8" }));
    download(url, `${filename}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <figure className="space-y-2" data-testid={`chart-${filename}`}>
      <div ref={box} style={{ height }} className="w-full" role="img" aria-label={spec.title} />
      <figcaption className="flex items-center justify-between gap-2 text-xs text-slate-500">
        <span>{spec.title}</span>
        <span className="flex gap-2">
          <button type="button" onClick={png} className="rounded border px-2 py-1 hover:bg-slate-50" data-testid="export-png">
            {t("exportPng")}
          </button>
          <button type="button" onClick={csv} className="rounded border px-2 py-1 hover:bg-slate-50" data-testid="export-csv">
            {t("exportCsv")}
          </button>
        </span>
      </figcaption>
    </figure>
  );
}
