// The wizard's steps and the fields each one asks (a step with an error is marked red). Pure.
export const STEPS = ["problem", "tried", "outcome", "limits", "collaboration", "tags", "review"] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_FIELDS: Record<StepName, readonly string[]> = {
  problem: ["title", "description"],
  tried: ["triedSoFar"],
  outcome: ["desiredOutcome", "acceptanceCriteria"],
  limits: ["constraints", "trlTarget", "budgetMinCny", "budgetMaxCny", "deadline"],
  collaboration: ["collaborationModes", "region", "visibility", "teaser"],
  tags: ["field", "keywords", "chainNodeId"],
  review: [],
};
