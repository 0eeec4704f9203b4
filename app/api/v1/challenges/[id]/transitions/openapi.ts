import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { challengeMoveSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses are the views of lib/challenges (documented loosely).
export const transitionChallengeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/transitions",
  operationId: "transitionChallenge",
  summary: "Publish (OPEN), close the call (REVIEW) or cancel (CANCELLED, with a reason); illegal or stale moves are 409",
  tags: ["Challenges"],
  body: { schema: challengeMoveSchema },
  response: { status: 200, description: "{ status, version }", schema: z.looseObject({}) },
  errors: ["NotFound", "Conflict"],
});
