import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { applySchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses are the views of lib/challenges (documented loosely).
export const listChallengeApplicationsOperation = defineOperation({
  method: "get",
  path: "/challenges/{id}/applications",
  operationId: "listChallengeApplications",
  summary:
    "The sponsor’s score board (weighted scores, spread between experts) or a panel member’s review board (no conflicted applications; blind review hides identities)",
  tags: ["Challenges"],
  response: { status: 200, description: "{ challenge, items, ... }", schema: z.looseObject({}) },
  errors: ["NotFound"],
});

export const applyToChallengeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/applications",
  operationId: "applyToChallenge",
  summary: "Apply (揭榜) before the deadline",
  tags: ["Challenges"],
  body: { schema: applySchema },
  response: { status: 201, description: "{ id, version }", schema: z.looseObject({}) },
  errors: ["NotFound", "Conflict"],
});
