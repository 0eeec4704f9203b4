// Small-cell suppression for the public effectiveness metrics (pure; lib/monitor/published-metrics.ts).
//
// 1. A row (chain x quarter) built from fewer than MIN_NEEDS needs shows nothing.
// 2. A figure built from a subset of the row's needs (median days to contact: the contacted needs;
//    contract value and median days to contract: the contracted needs) is hidden when that subset
//    is smaller than MIN_NEEDS.
// 3. Complementary suppression: the all-chains row ("*") is the sum of the chain rows (the needs
//    without a chain form their own row, ""), so one hidden chain cell could be recovered as the
//    total minus the others. Within a quarter, for each figure, while exactly one chain cell is
//    hidden and the total is shown, the smallest shown chain cell (by needs) is hidden too.
//    Percentages are covered as well: a share times the row's needs gives the count back.

export const MIN_NEEDS = 5;
export const ALL_CHAINS = "*";

export type RawMetricRow = {
  chainId: string; // "*" = all chains, "" = needs without a chain
  quarter: string;
  needsPosted: number;
  matchedWithin7d: number;
  contacted: number;
  introductions: number;
  contracts: number;
  contractValueCny: number;
  medianDaysToContact: number | null;
  medianDaysToContract: number | null;
};

export type PublishedRow = {
  chainId: string;
  quarter: string;
  needsPosted: number | null;
  matchedWithin7dPct: number | null;
  contactedPct: number | null;
  introductions: number | null;
  contracts: number | null;
  contractValueCny: number | null;
  medianDaysToContact: number | null;
  medianDaysToContract: number | null;
};

export const METRIC_KEYS = [
  "needsPosted",
  "matchedWithin7dPct",
  "contactedPct",
  "introductions",
  "contracts",
  "contractValueCny",
  "medianDaysToContact",
  "medianDaysToContract",
] as const;
type MetricKey = (typeof METRIC_KEYS)[number];

const pct = (n: number, d: number) => Math.round((n / d) * 1000) / 10;

function firstPass(r: RawMetricRow): PublishedRow {
  if (r.needsPosted < MIN_NEEDS) {
    return { chainId: r.chainId, quarter: r.quarter, ...Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) } as PublishedRow;
  }
  const enoughContracts = r.contracts >= MIN_NEEDS;
  return {
    chainId: r.chainId,
    quarter: r.quarter,
    needsPosted: r.needsPosted,
    matchedWithin7dPct: pct(r.matchedWithin7d, r.needsPosted),
    contactedPct: pct(r.contacted, r.needsPosted),
    introductions: r.introductions,
    contracts: r.contracts,
    contractValueCny: enoughContracts ? r.contractValueCny : null,
    medianDaysToContact: r.contacted >= MIN_NEEDS ? r.medianDaysToContact : null,
    medianDaysToContract: enoughContracts ? r.medianDaysToContract : null,
  };
}

export function suppressMetrics(raw: RawMetricRow[]): PublishedRow[] {
  const rows = raw.map(firstPass);
  const needsOf = new Map(raw.map((r) => [`${r.chainId}|${r.quarter}`, r.needsPosted]));
  const quarters = [...new Set(rows.map((r) => r.quarter))];
  for (const q of quarters) {
    const total = rows.find((r) => r.quarter === q && r.chainId === ALL_CHAINS);
    const chains = rows.filter((r) => r.quarter === q && r.chainId !== ALL_CHAINS);
    for (const key of METRIC_KEYS as readonly MetricKey[]) {
      if (!total || total[key] === null) continue;
      // Hide the smallest shown cell while exactly one is hidden.
      while (chains.filter((r) => r[key] === null).length === 1) {
        const shown = chains.filter((r) => r[key] !== null).sort((a, b) => needsOf.get(`${a.chainId}|${q}`)! - needsOf.get(`${b.chainId}|${q}`)!);
        if (shown.length === 0) break;
        shown[0]![key] = null;
      }
    }
  }
  return rows;
}
