import { versionResultSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { shortlistSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const shortlistChallengeApplicationOperation = defineOperation({
  method: "post",
  path: "/challenge-applications/{id}/shortlist",
  operationId: "shortlistChallengeApplication",
  summary: "Put on or take off the shortlist (sponsor, in review)",
  tags: ["Challenges"],
  body: { schema: shortlistSchema },
  response: { status: 200, description: "{ version }", schema: versionResultSchema },
  errors: ["NotFound", "Conflict"],
});
