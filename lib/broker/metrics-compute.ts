import type { DealState } from "@/lib/generated/prisma/enums";
import { toCsvFile } from "@/lib/csv/write-csv";
import { PIPELINE, pipelineIndex } from "@/lib/deals/transitions";

// Broker and office metrics as pure functions over deal facts, so they are tested without a database.

export type DealFact = {
  broker: string;
  office: string;
  createdAt: Date;
  /** First answer from either side (accept or decline), if any. */
  firstResponseAt: Date | null;
  /** Every state the deal has been in. */
  states: DealState[];
  contractValueCny: number | null;
};

export type GroupMetrics = {
  name: string;
  deals: number;
  responded: number;
  medianHoursToFirstResponse: number | null;
  /** reached[i]: deals that got at least to PIPELINE[i]. */
  reached: number[];
  /** conversion[i] = reached[i] / reached[i-1] for i >= 1 (null when nothing reached i-1). */
  conversion: (number | null)[];
  contracts: number;
  contractValueCny: number;
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function metricsOf(name: string, deals: DealFact[]): GroupMetrics {
  const hours = deals.filter((d) => d.firstResponseAt).map((d) => (d.firstResponseAt!.getTime() - d.createdAt.getTime()) / 3_600_000);
  const furthest = deals.map((d) => Math.max(0, ...d.states.map(pipelineIndex)));
  const reached = PIPELINE.map((_, i) => furthest.filter((f) => f >= i).length);
  const contracted = deals.filter((d) => d.contractValueCny !== null);
  const med = median(hours);
  return {
    name,
    deals: deals.length,
    responded: hours.length,
    medianHoursToFirstResponse: med === null ? null : Math.round(med * 10) / 10,
    reached,
    conversion: reached.map((n, i) => (i === 0 ? null : reached[i - 1] ? Math.round((n / reached[i - 1]!) * 1000) / 1000 : null)),
    contracts: contracted.length,
    contractValueCny: contracted.reduce((sum, d) => sum + d.contractValueCny!, 0),
  };
}

export function groupMetrics(deals: DealFact[], by: "broker" | "office"): GroupMetrics[] {
  const groups = new Map<string, DealFact[]>();
  for (const d of deals) groups.set(d[by], [...(groups.get(d[by]) ?? []), d]);
  return [...groups.entries()].map(([name, list]) => metricsOf(name, list)).sort((a, b) => b.deals - a.deals || a.name.localeCompare(b.name));
}

export function metricsCsv(rows: { scope: "broker" | "office"; metrics: GroupMetrics }[]): string {
  const stages = PIPELINE.slice(1);
  const header = [
    "scope",
    "name",
    "deals",
    "responded",
    "median_hours_to_first_response",
    ...stages.map((s) => `reached_${s}`),
    ...stages.map((s) => `conversion_${s}`),
    "contracts",
    "contract_value_cny",
  ];
  const lines = rows.map(({ scope, metrics: m }) => [
    scope,
    m.name,
    m.deals,
    m.responded,
    m.medianHoursToFirstResponse,
    ...m.reached.slice(1),
    ...m.conversion.slice(1),
    m.contracts,
    m.contractValueCny,
  ]);
  return toCsvFile([header, ...lines]);
}
