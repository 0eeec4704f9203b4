// The JSON a monitor chart is drawn from (computed on the server, drawn by monitor-chart.tsx) and
// its CSV export. Pure and client-safe.

export type SeriesSpec = {
  kind: "line" | "bar";
  title: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  stack?: boolean;
  yMax?: number;
};
export type PieSpec = { kind: "pie"; title: string; slices: { name: string; value: number }[] };
export type ChainMapSpec = {
  kind: "chainMap";
  title: string;
  stages: { id: string; label: string }[];
  // No tooltip text: MonitorChart asks for it (nodeTooltip) in the browser, when it draws.
  nodes: { id: string; stage: string; label: string; score: number; demand: number }[];
  highLabel: string;
  lowLabel: string;
};
export type ChartSpec = SeriesSpec | PieSpec | ChainMapSpec;

// A cell that starts like a formula is prefixed with ' so a spreadsheet shows it as text.
function cell(v: string | number | null): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function chartRows(spec: ChartSpec): (string | number | null)[][] {
  if (spec.kind === "pie") return [["", spec.title], ...spec.slices.map((s) => [s.name, s.value])];
  if (spec.kind === "chainMap") return [["id", "stage", "node", "score", "demand"], ...spec.nodes.map((n) => [n.id, n.stage, n.label, n.score, n.demand])];
  return [["", ...spec.series.map((s) => s.name)], ...spec.categories.map((c, i) => [c, ...spec.series.map((s) => s.data[i] ?? null)])];
}

/** CSV with a BOM and CRLF line ends, as Excel opens it (the same conventions as lib/csv). */
export function chartCsv(spec: ChartSpec): string {
  return (
    "\uFEFF" +
    chartRows(spec)
      .map((r) => r.map(cell).join(","))
      .join("\r\n") +
    "\r\n"
  );
}
