import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { submitChallengeMilestoneOperation } from "./openapi";
import { submitMilestone } from "@/lib/challenges/milestones";
import { submitMilestoneSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-milestones/{id}/submission {version, note} : the solver side submits (again after a rejection).
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { version, note } = parseOrThrow(submitMilestoneSchema, await readJsonBody(request));
  return submitChallengeMilestoneOperation.json(await submitMilestone(actor, params.id, version, note));
});
