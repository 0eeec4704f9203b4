import { versionResultSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { awardSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const awardChallengeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/award",
  operationId: "awardChallenge",
  summary: "Award one or several applications (揭榜成功) with a reason for every other",
  tags: ["Challenges"],
  body: { schema: awardSchema },
  response: { status: 200, description: "{ version }", schema: versionResultSchema },
  errors: ["NotFound", "Conflict"],
});
