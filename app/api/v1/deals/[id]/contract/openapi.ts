import { dealMoveResultSchema } from "@/lib/api/deal-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { contractSchema } from "@/lib/deals/schemas";

export const recordDealContractOperation = defineOperation({
  method: "post",
  path: "/deals/{id}/contract",
  operationId: "recordDealContract",
  summary: "Record the contract (type, value, registration number, milestones)",
  tags: ["Deals"],
  body: { schema: contractSchema, component: "ContractInput" },
  response: { status: 201, description: "The deal's state after signing, with the contract's id", schema: dealMoveResultSchema, component: "DealMoveResult" },
  errors: ["NotFound", "Conflict"],
});
