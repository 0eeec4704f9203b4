import { dealMoveResultSchema } from "@/lib/api/deal-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { transitionSchema } from "@/lib/deals/schemas";

export const transitionDealOperation = defineOperation({
  method: "post",
  path: "/deals/{id}/transitions",
  operationId: "transitionDeal",
  summary: "Move a deal to its next state (only valid transitions; version check)",
  description: "An invalid move is 422; a stale `version` is 409 and nothing is saved.",
  tags: ["Deals"],
  body: { schema: transitionSchema, component: "TransitionInput" },
  response: { status: 200, description: "The deal's state after the move", schema: dealMoveResultSchema, component: "DealMoveResult" },
  errors: ["NotFound", "Conflict"],
});
