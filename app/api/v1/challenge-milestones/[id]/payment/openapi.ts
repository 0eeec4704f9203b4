import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { paymentSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses are the views of lib/challenges (documented loosely).
export const recordChallengeMilestonePaymentOperation = defineOperation({
  method: "post",
  path: "/challenge-milestones/{id}/payment",
  operationId: "recordChallengeMilestonePayment",
  summary: "Record the payment released for an accepted milestone (sponsor)",
  tags: ["Challenges"],
  body: { schema: paymentSchema },
  response: { status: 200, description: "{ version }", schema: z.looseObject({}) },
  errors: ["NotFound", "Conflict"],
});
