// Weighted score aggregation for a challenge's review panel. Pure.
//
// Each expert scores each criterion 0..MAX_SCORE. An expert's total for an application is the
// weighted mean of their criterion scores on a 0..100 scale (weights are the challenge's, summing
// to 100). Only experts who scored EVERY criterion count (a half-finished score sheet would drag
// the mean); the others are reported as `incomplete`. The application's score is the mean of the
// complete experts' totals, with the spread between them (max - min, and the standard deviation)
// so the sponsor sees where the panel disagrees.

export const MAX_SCORE = 10;

export type Criterion = { key: string; weight: number };
export type ScoreRow = { panelMemberId: string; applicationId: string; criterionKey: string; score: number };

export type ExpertTotal = { panelMemberId: string; total: number };
export type CriterionMean = { key: string; mean: number | null; min: number | null; max: number | null };
export type ApplicationScore = {
  applicationId: string;
  /** Mean of the complete experts' weighted totals, 0..100, one decimal; null when nobody finished. */
  score: number | null;
  experts: ExpertTotal[];
  /** Experts who scored some but not all criteria. */
  incomplete: string[];
  spread: { range: number; stdDev: number } | null;
  criteria: CriterionMean[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function expertTotal(criteria: readonly Criterion[], scores: ReadonlyMap<string, number>): number | null {
  const weightSum = criteria.reduce((s, c) => s + c.weight, 0);
  if (weightSum <= 0) return null;
  let total = 0;
  for (const c of criteria) {
    const s = scores.get(c.key);
    if (s === undefined) return null;
    total += (c.weight / weightSum) * (Math.min(Math.max(s, 0), MAX_SCORE) / MAX_SCORE) * 100;
  }
  return total;
}

export function aggregateScores(criteria: readonly Criterion[], rows: readonly ScoreRow[], applicationIds: readonly string[]): ApplicationScore[] {
  const known = new Set(criteria.map((c) => c.key));
  // application -> expert -> criterion -> score
  const sheets = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    if (!known.has(r.criterionKey)) continue; // a criterion since removed
    const byExpert = sheets.get(r.applicationId) ?? new Map<string, Map<string, number>>();
    sheets.set(r.applicationId, byExpert);
    const sheet = byExpert.get(r.panelMemberId) ?? new Map<string, number>();
    byExpert.set(r.panelMemberId, sheet);
    sheet.set(r.criterionKey, r.score);
  }
  return applicationIds.map((applicationId) => {
    const byExpert = sheets.get(applicationId) ?? new Map<string, Map<string, number>>();
    const experts: ExpertTotal[] = [];
    const incomplete: string[] = [];
    for (const [panelMemberId, sheet] of byExpert) {
      const total = expertTotal(criteria, sheet);
      if (total === null) incomplete.push(panelMemberId);
      else experts.push({ panelMemberId, total: round1(total) });
    }
    const totals = experts.map((e) => e.total);
    const mean = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
    const spread =
      mean === null
        ? null
        : {
            range: round1(Math.max(...totals) - Math.min(...totals)),
            stdDev: round1(Math.sqrt(totals.reduce((s, t) => s + (t - mean) ** 2, 0) / totals.length)),
          };
    const complete = new Set(experts.map((e) => e.panelMemberId));
    const perCriterion: CriterionMean[] = criteria.map((c) => {
      const values = [...byExpert].filter(([id]) => complete.has(id)).map(([, sheet]) => sheet.get(c.key)!);
      return values.length
        ? { key: c.key, mean: round1(values.reduce((a, b) => a + b, 0) / values.length), min: Math.min(...values), max: Math.max(...values) }
        : { key: c.key, mean: null, min: null, max: null };
    });
    return { applicationId, score: mean === null ? null : round1(mean), experts, incomplete, spread, criteria: perCriterion };
  });
}

/** Applications best first; unscored ones last, in their given order. */
export function rankApplications(scores: readonly ApplicationScore[]): ApplicationScore[] {
  return [...scores].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
}
