import { versionResultSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { paymentSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const recordChallengeMilestonePaymentOperation = defineOperation({
  method: "post",
  path: "/challenge-milestones/{id}/payment",
  operationId: "recordChallengeMilestonePayment",
  summary: "Record the payment released for an accepted milestone (sponsor)",
  tags: ["Challenges"],
  body: { schema: paymentSchema },
  response: { status: 200, description: "{ version }", schema: versionResultSchema },
  errors: ["NotFound", "Conflict"],
});
