import { acceptedSchema, ndaTextSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { acceptNdaSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const getChallengeNdaOperation = defineOperation({
  method: "get",
  path: "/challenges/{id}/nda",
  operationId: "getChallengeNda",
  summary: "The NDA of a confidential challenge",
  tags: ["Challenges"],
  response: { status: 200, description: "{ text, textSha256 }", schema: ndaTextSchema },
  errors: ["NotFound"],
});

export const acceptChallengeNdaOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/nda",
  operationId: "acceptChallengeNda",
  summary: "Accept the NDA: opens the details to the caller (recorded and audited)",
  tags: ["Challenges"],
  body: { schema: acceptNdaSchema },
  response: { status: 200, description: "{ accepted: true }", schema: acceptedSchema },
  errors: ["NotFound", "Conflict"],
});
