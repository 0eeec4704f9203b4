import { applicationViewSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const getChallengeApplicationOperation = defineOperation({
  method: "get",
  path: "/challenge-applications/{id}",
  operationId: "getChallengeApplication",
  summary: "An application (applicant side, sponsor, unconflicted panel member; 404 for anyone else)",
  tags: ["Challenges"],
  response: { status: 200, description: "The application view", schema: applicationViewSchema, component: "ChallengeApplication" },
  errors: ["NotFound"],
});
