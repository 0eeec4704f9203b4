import { versionResultSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { versionSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const withdrawChallengeApplicationOperation = defineOperation({
  method: "post",
  path: "/challenge-applications/{id}/withdraw",
  operationId: "withdrawChallengeApplication",
  summary: "Withdraw before the deadline (applicant)",
  tags: ["Challenges"],
  body: { schema: versionSchema },
  response: { status: 200, description: "{ version }", schema: versionResultSchema },
  errors: ["NotFound", "Conflict"],
});
