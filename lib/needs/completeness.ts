// How complete a need is, and what to add next. Pure (used by the wizard in the browser and by
// tests). Weights reflect what researchers say they need to judge a need: the problem, the
// measurable target and the money come first.

export type CompletenessInput = {
  title?: string | null;
  description?: string | null;
  field?: string | null;
  keywords?: readonly string[] | null;
  triedSoFar?: string | null;
  desiredOutcome?: string | null;
  acceptanceCriteria?: string | null;
  constraints?: string | null;
  trlTarget?: number | string | null;
  budgetMinCny?: number | string | null;
  budgetMaxCny?: number | string | null;
  deadline?: Date | string | null;
  collaborationModes?: readonly string[] | null;
  chainNodeId?: string | null;
};

/** Advice keys (translated in the "wizard" message namespace, under "advice."). */
export type Advice =
  | "titleMissing"
  | "titleShort"
  | "problemMissing"
  | "problemShort"
  | "fieldMissing"
  | "triedMissing"
  | "outcomeMissing"
  | "acceptanceMissing"
  | "acceptanceNotMeasurable"
  | "constraintsMissing"
  | "trlMissing"
  | "budgetMissing"
  | "budgetHalf"
  | "deadlineMissing"
  | "modesMissing"
  | "keywordsFew"
  | "chainMissing";

export type Completeness = { score: number; advice: Advice[] };

const present = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== "";
const len = (v: string | null | undefined) => (v ?? "").trim().length;
// A measurable criterion has a number in it ("heading error < 3°", "续航 ≥ 7 天").
const measurable = (v: string) => /\d|[一二三四五六七八九十百千万]+\s*(?:[%％度天小时分钟秒个次倍])/.test(v);

type Check = { weight: number; check: (n: CompletenessInput) => { points: number; advice?: Advice } };

const CHECKS: Check[] = [
  {
    weight: 5,
    check: (n) => (len(n.title) === 0 ? { points: 0, advice: "titleMissing" } : len(n.title) < 8 ? { points: 0.5, advice: "titleShort" } : { points: 1 }),
  },
  {
    weight: 15,
    check: (n) =>
      len(n.description) === 0 ? { points: 0, advice: "problemMissing" } : len(n.description) < 60 ? { points: 0.5, advice: "problemShort" } : { points: 1 },
  },
  { weight: 5, check: (n) => (present(n.field) ? { points: 1 } : { points: 0, advice: "fieldMissing" }) },
  { weight: 10, check: (n) => (present(n.triedSoFar) ? { points: 1 } : { points: 0, advice: "triedMissing" }) },
  { weight: 10, check: (n) => (present(n.desiredOutcome) ? { points: 1 } : { points: 0, advice: "outcomeMissing" }) },
  {
    weight: 15,
    check: (n) =>
      !present(n.acceptanceCriteria)
        ? { points: 0, advice: "acceptanceMissing" }
        : measurable(n.acceptanceCriteria!)
          ? { points: 1 }
          : { points: 0.5, advice: "acceptanceNotMeasurable" },
  },
  { weight: 5, check: (n) => (present(n.constraints) ? { points: 1 } : { points: 0, advice: "constraintsMissing" }) },
  { weight: 5, check: (n) => (present(n.trlTarget) ? { points: 1 } : { points: 0, advice: "trlMissing" }) },
  {
    weight: 10,
    check: (n) => {
      const count = [n.budgetMinCny, n.budgetMaxCny].filter(present).length;
      return count === 2 ? { points: 1 } : count === 1 ? { points: 0.5, advice: "budgetHalf" } : { points: 0, advice: "budgetMissing" };
    },
  },
  { weight: 5, check: (n) => (present(n.deadline) ? { points: 1 } : { points: 0, advice: "deadlineMissing" }) },
  { weight: 5, check: (n) => ((n.collaborationModes?.length ?? 0) > 0 ? { points: 1 } : { points: 0, advice: "modesMissing" }) },
  { weight: 5, check: (n) => ((n.keywords?.length ?? 0) >= 3 ? { points: 1 } : { points: (n.keywords?.length ?? 0) / 3, advice: "keywordsFew" }) },
  { weight: 5, check: (n) => (present(n.chainNodeId) ? { points: 1 } : { points: 0, advice: "chainMissing" }) },
];

/** Score 0-100 and the advice for what is missing, most valuable first. */
export function needCompleteness(need: CompletenessInput): Completeness {
  const outcomes = CHECKS.map((c) => ({ weight: c.weight, ...c.check(need) }));
  const score = Math.round(outcomes.reduce((s, o) => s + o.weight * o.points, 0));
  const advice = outcomes
    .filter((o): o is typeof o & { advice: Advice } => o.advice !== undefined)
    .sort((a, b) => b.weight * (1 - b.points) - a.weight * (1 - a.points))
    .map((o) => o.advice);
  return { score, advice };
}
