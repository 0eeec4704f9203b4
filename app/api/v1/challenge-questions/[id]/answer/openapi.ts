import { createdIdSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { answerSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const answerChallengeQuestionOperation = defineOperation({
  method: "post",
  path: "/challenge-questions/{id}/answer",
  operationId: "answerChallengeQuestion",
  summary: "Answer a question about the caller's application (applicant or team member, once; 409 when already answered)",
  tags: ["Challenges"],
  body: { schema: answerSchema },
  response: { status: 200, description: "The question's id", schema: createdIdSchema },
  errors: ["NotFound", "Conflict"],
});
