// The bottleneck score of a chain node (0-100), pure: computed from the monthly cube
// (MonitorMonthFact rows summed over the node), month by month, so its trend is shown and a
// rising bottleneck is seen before it is the largest. Documented in README ("Chain monitor").
//
// At month t, with stocks as running sums of the flows up to t and flows over the trailing
// WINDOW months:
//   open demand       posted - solved - ended unsolved                      sat(open, 20)          x 0.15
//   demand growth     posted in the last 3 months / the 3 before - 1 (0..1)                        x 0.10
//   unmet demand      posted - left unmet (no match above threshold, no contact, not ended)
//                                                                            sat(unmet, 10)         x 0.20
//   time to 1st match average days in the window; a need still unmatched counts as MAX_DAYS
//                                                                            sat(days, 30)          x 0.10
//   time to contact   the same for the first contact                         sat(days, 45)          x 0.10
//   no solution       ended unsolved / all ended in the window                                     x 0.15
//   supply shortage   open / (open + supply), supply = published results + researchers + instruments
//                     on the node (MonitorSupplyFact: authors and expertise; institutions' instruments) x 0.12
//   TRL gap           average target TRL of needs - average TRL of results, 0..4 -> 0..1          x 0.08
// sat(x, k) = x / (x + k): grows with x and saturates, so one node's score does not depend on
// the others' and the score of one month compares with the score of another.

export type MonthFlows = {
  month: string; // YYYY-MM
  posted: number;
  matched: number;
  contacted: number;
  contracted: number;
  solved: number;
  expiredUnsolved: number;
  leftUnmet: number;
  resultsPublished: number;
  contractValueCny: number;
  matchDaysSum: number;
  matchDaysN: number;
  contactDaysSum: number;
  contactDaysN: number;
  needTrlSum: number;
  needTrlN: number;
  resultTrlSum: number;
  resultTrlN: number;
  researchersJoined: number;
  instrumentsJoined: number;
};

export type ScoreComponents = {
  openDemand: number;
  demandGrowth: number;
  unmetDemand: number;
  daysToMatch: number | null;
  daysToContact: number | null;
  unsolvedShare: number | null;
  /** results + researchers + instruments */
  supply: number;
  results: number;
  researchers: number;
  instruments: number;
  trlGap: number | null;
};

export type ScorePoint = { month: string; score: number; components: ScoreComponents };

export const SCORE_WEIGHTS = {
  openDemand: 0.15,
  demandGrowth: 0.1,
  unmetDemand: 0.2,
  daysToMatch: 0.1,
  daysToContact: 0.1,
  unsolvedShare: 0.15,
  supplyShortage: 0.12,
  trlGap: 0.08,
} as const;

export const WINDOW = 6;
const MAX_DAYS = 90;
const sat = (x: number, k: number) => (x <= 0 ? 0 : x / (x + k));
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

export const EMPTY_FLOWS: Omit<MonthFlows, "month"> = {
  posted: 0,
  matched: 0,
  contacted: 0,
  contracted: 0,
  solved: 0,
  expiredUnsolved: 0,
  leftUnmet: 0,
  resultsPublished: 0,
  contractValueCny: 0,
  matchDaysSum: 0,
  matchDaysN: 0,
  contactDaysSum: 0,
  contactDaysN: 0,
  needTrlSum: 0,
  needTrlN: 0,
  resultTrlSum: 0,
  resultTrlN: 0,
  researchersJoined: 0,
  instrumentsJoined: 0,
};

/** Consecutive YYYY-MM months from `from` to `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Sums rows of the same month (several regions / organisation kinds) and fills missing months with zeros. */
export function densify(rows: MonthFlows[], months: string[]): MonthFlows[] {
  const by = new Map<string, MonthFlows>();
  for (const r of rows) {
    const cur = by.get(r.month) ?? { month: r.month, ...EMPTY_FLOWS };
    for (const k of Object.keys(EMPTY_FLOWS) as (keyof typeof EMPTY_FLOWS)[]) cur[k] += r[k];
    by.set(r.month, cur);
  }
  return months.map((month) => by.get(month) ?? { month, ...EMPTY_FLOWS });
}

/** The components at every month of a dense series (earlier history is included in the stocks). */
export function scoreComponents(series: MonthFlows[]): ScoreComponents[] {
  const out: ScoreComponents[] = [];
  let posted = 0,
    ended = 0,
    leftUnmet = 0,
    results = 0,
    researchers = 0,
    instruments = 0,
    needTrlSum = 0,
    needTrlN = 0,
    resultTrlSum = 0,
    resultTrlN = 0;
  for (let t = 0; t < series.length; t++) {
    const r = series[t]!;
    posted += r.posted;
    ended += r.solved + r.expiredUnsolved;
    leftUnmet += r.leftUnmet;
    results += r.resultsPublished;
    researchers += r.researchersJoined;
    instruments += r.instrumentsJoined;
    needTrlSum += r.needTrlSum;
    needTrlN += r.needTrlN;
    resultTrlSum += r.resultTrlSum;
    resultTrlN += r.resultTrlN;
    const win = series.slice(Math.max(0, t - WINDOW + 1), t + 1);
    const sum = (k: keyof typeof EMPTY_FLOWS, rows = win) => rows.reduce((s, x) => s + x[k], 0);
    const recent = sum("posted", series.slice(Math.max(0, t - 2), t + 1));
    const before = sum("posted", series.slice(Math.max(0, t - 5), Math.max(0, t - 2)));
    const open = Math.max(0, posted - ended);
    const unmet = Math.max(0, posted - leftUnmet);
    const windowEnded = sum("solved") + sum("expiredUnsolved");
    // Days to first match/contact: the window's average, with the needs still waiting counted at MAX_DAYS.
    const days = (s: number, n: number, waiting: number) => (n + waiting === 0 ? null : (s + waiting * MAX_DAYS) / (n + waiting));
    out.push({
      openDemand: open,
      demandGrowth: before === 0 ? (recent > 0 ? 1 : 0) : recent / before - 1,
      unmetDemand: unmet,
      daysToMatch: days(sum("matchDaysSum"), sum("matchDaysN"), unmet),
      daysToContact: days(sum("contactDaysSum"), sum("contactDaysN"), open > 0 && sum("contactDaysN") === 0 ? open : 0),
      unsolvedShare: windowEnded === 0 ? null : sum("expiredUnsolved") / windowEnded,
      supply: results + researchers + instruments,
      results,
      researchers,
      instruments,
      trlGap: needTrlN === 0 || resultTrlN === 0 ? null : needTrlSum / needTrlN - resultTrlSum / resultTrlN,
    });
  }
  return out;
}

export function scoreOf(c: ScoreComponents): number {
  const w = SCORE_WEIGHTS;
  const s =
    w.openDemand * sat(c.openDemand, 20) +
    w.demandGrowth * clamp01(c.demandGrowth) +
    w.unmetDemand * sat(c.unmetDemand, 10) +
    w.daysToMatch * sat(c.daysToMatch ?? 0, 30) +
    w.daysToContact * sat(c.daysToContact ?? 0, 45) +
    w.unsolvedShare * (c.unsolvedShare ?? 0) +
    w.supplyShortage * (c.openDemand === 0 ? 0 : c.openDemand / (c.openDemand + c.supply)) +
    w.trlGap * clamp01((c.trlGap ?? 0) / 4);
  return round1(100 * s);
}

/** Score at every month of a dense series. */
export function scoreSeries(series: MonthFlows[]): ScorePoint[] {
  return scoreComponents(series).map((components, i) => ({ month: series[i]!.month, score: scoreOf(components), components }));
}

/** Change of the score over the last 3 months (positive: the bottleneck is getting worse). */
export function scoreTrend(points: ScorePoint[]): number {
  if (points.length < 2) return 0;
  const last = points[points.length - 1]!.score;
  const before = points[Math.max(0, points.length - 4)]!.score;
  return round1(last - before);
}
