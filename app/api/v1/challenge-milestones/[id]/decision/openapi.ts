import { decisionResultSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { decideMilestoneSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const decideChallengeMilestoneOperation = defineOperation({
  method: "post",
  path: "/challenge-milestones/{id}/decision",
  operationId: "decideChallengeMilestone",
  summary: "Accept, or reject with a reason (sponsor or unconflicted panel member)",
  tags: ["Challenges"],
  body: { schema: decideMilestoneSchema },
  response: { status: 200, description: "{ version, challengeCompleted }", schema: decisionResultSchema },
  errors: ["NotFound", "Conflict"],
});
