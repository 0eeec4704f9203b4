import { dealMoveResultSchema } from "@/lib/api/deal-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { respondSchema } from "@/lib/deals/schemas";

export const respondToIntroductionOperation = defineOperation({
  method: "post",
  path: "/deals/{id}/respond",
  operationId: "respondToIntroduction",
  summary: "Accept or decline an introduction (decline needs a reason code)",
  tags: ["Deals"],
  body: { schema: respondSchema, component: "RespondInput" },
  response: { status: 200, description: "The deal's state after the answer", schema: dealMoveResultSchema, component: "DealMoveResult" },
  errors: ["NotFound", "Conflict"],
});
