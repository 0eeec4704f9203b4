import { challengeApplicationsSchema, createdApplicationSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { applySchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const listChallengeApplicationsOperation = defineOperation({
  method: "get",
  path: "/challenges/{id}/applications",
  operationId: "listChallengeApplications",
  summary:
    "The sponsor’s score board (weighted scores, spread between experts) or a panel member’s review board (no conflicted applications; blind review hides identities)",
  tags: ["Challenges"],
  response: { status: 200, description: "{ challenge, items, ... }", schema: challengeApplicationsSchema },
  errors: ["NotFound"],
});

export const applyToChallengeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/applications",
  operationId: "applyToChallenge",
  summary: "Apply (揭榜) before the deadline",
  tags: ["Challenges"],
  body: { schema: applySchema },
  response: { status: 201, description: "{ id, version }", schema: createdApplicationSchema },
  errors: ["NotFound", "Conflict"],
});
