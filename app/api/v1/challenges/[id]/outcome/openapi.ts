import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { outcomeSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses are the views of lib/challenges (documented loosely).
export const recordChallengeOutcomeOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/outcome",
  operationId: "recordChallengeOutcome",
  summary: "Record the outcome evaluation (at completion or 12 months after)",
  tags: ["Challenges"],
  body: { schema: outcomeSchema },
  response: { status: 201, description: "{ id }", schema: z.looseObject({}) },
  errors: ["NotFound", "Conflict"],
});
