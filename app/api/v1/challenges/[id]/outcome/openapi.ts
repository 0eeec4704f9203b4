import { createdIdSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { outcomeSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const recordChallengeOutcomeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/outcome",
  operationId: "recordChallengeOutcome",
  summary: "Record the outcome evaluation (at completion or 12 months after)",
  tags: ["Challenges"],
  body: { schema: outcomeSchema },
  response: { status: 201, description: "{ id }", schema: createdIdSchema },
  errors: ["NotFound", "Conflict"],
});
