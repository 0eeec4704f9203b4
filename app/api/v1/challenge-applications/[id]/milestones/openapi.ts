import { projectSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const getChallengeProjectOperation = defineOperation({
  method: "get",
  path: "/challenge-applications/{id}/milestones",
  operationId: "getChallengeProject",
  summary: "An awarded application’s project milestones",
  tags: ["Challenges"],
  response: { status: 200, description: "{ application, challenge, may, milestones }", schema: projectSchema, component: "ChallengeProject" },
  errors: ["NotFound"],
});
