import { savedScoresSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { scoreSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const scoreChallengeApplicationOperation = defineOperation({
  method: "put",
  path: "/challenge-applications/{id}/scores",
  operationId: "scoreChallengeApplication",
  summary: "Score criteria 0..10 with comments (unconflicted panel member, in review)",
  tags: ["Challenges"],
  body: { schema: scoreSchema },
  response: { status: 200, description: "{ saved }", schema: savedScoresSchema },
  errors: ["NotFound", "Conflict"],
});
