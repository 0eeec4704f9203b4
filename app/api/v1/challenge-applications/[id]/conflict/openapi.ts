import { declaredSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { conflictSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const declareChallengeConflictOperation = defineOperation({
  method: "post",
  path: "/challenge-applications/{id}/conflict",
  operationId: "declareChallengeConflict",
  summary: "Declare a conflict of interest (panel member): the application is then neither shown nor scorable",
  tags: ["Challenges"],
  body: { schema: conflictSchema },
  response: { status: 200, description: "{ declared: true }", schema: declaredSchema },
  errors: ["NotFound", "Conflict"],
});
