// The fields a need's author writes (the wizard, the API, the needs import): one list, so that a
// draft read back as input and an import template name the same fields. Pure.
export const NEED_INPUT_FIELDS = [
  "title",
  "description",
  "field",
  "keywords",
  "visibility",
  "teaser",
  "chainNodeId",
  "trlTarget",
  "budgetMinCny",
  "budgetMaxCny",
  "collaborationModes",
  "region",
  "triedSoFar",
  "desiredOutcome",
  "acceptanceCriteria",
  "constraints",
  "deadline",
] as const;
