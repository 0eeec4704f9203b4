import { challengeViewSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { challengeUpdateSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const getChallengeOperation = defineOperation({
  method: "get",
  path: "/challenges/{id}",
  operationId: "getChallenge",
  summary: "A challenge as the caller may see it (details only when PUBLIC, after the NDA, or for the sponsor and panel)",
  tags: ["Challenges"],
  response: { status: 200, description: "Teaser or full view", schema: challengeViewSchema, component: "Challenge" },
  errors: ["NotFound"],
});

export const updateChallengeOperation = defineOperation({
  method: "patch",
  path: "/challenges/{id}",
  operationId: "updateChallenge",
  summary: "Edit a DRAFT challenge (version check, 409 when stale)",
  tags: ["Challenges"],
  body: { schema: challengeUpdateSchema },
  response: { status: 200, description: "The challenge view", schema: challengeViewSchema, component: "Challenge" },
  errors: ["NotFound", "Conflict"],
});
