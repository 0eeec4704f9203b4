import { myApplicationsSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const listMyChallengeApplicationsOperation = defineOperation({
  method: "get",
  path: "/challenge-applications",
  operationId: "listMyChallengeApplications",
  summary: "The caller’s own applications (applicant or team member)",
  tags: ["Challenges"],
  response: { status: 200, description: "{ items }", schema: myApplicationsSchema },
  errors: [],
});
