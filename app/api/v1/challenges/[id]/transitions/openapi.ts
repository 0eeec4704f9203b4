import { movedSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { challengeMoveSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const transitionChallengeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/transitions",
  operationId: "transitionChallenge",
  summary: "Publish (OPEN), close the call (REVIEW) or cancel (CANCELLED, with a reason); illegal or stale moves are 409",
  tags: ["Challenges"],
  body: { schema: challengeMoveSchema },
  response: { status: 200, description: "{ status, version }", schema: movedSchema },
  errors: ["NotFound", "Conflict"],
});
