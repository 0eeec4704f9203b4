import { versionResultSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { submitMilestoneSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const submitChallengeMilestoneOperation = defineOperation({
  method: "post",
  path: "/challenge-milestones/{id}/submission",
  operationId: "submitChallengeMilestone",
  summary: "Submit a milestone’s deliverables (solver side)",
  tags: ["Challenges"],
  body: { schema: submitMilestoneSchema },
  response: { status: 200, description: "{ version }", schema: versionResultSchema },
  errors: ["NotFound", "Conflict"],
});
