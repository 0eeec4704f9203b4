import { createdIdSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { questionSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const askChallengeQuestionOperation = defineOperation({
  method: "post",
  path: "/challenge-applications/{id}/questions",
  operationId: "askChallengeQuestion",
  summary: "Ask a shortlisted applicant a question (sponsor or unconflicted panel member, in review); the applicant side is told",
  tags: ["Challenges"],
  body: { schema: questionSchema },
  response: { status: 201, description: "The question's id (answered with POST /challenge-questions/{id}/answer)", schema: createdIdSchema },
  errors: ["NotFound", "Conflict"],
});
