import { dealDetailSchema } from "@/lib/api/deal-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

export const getDealOperation = defineOperation({
  method: "get",
  path: "/deals/{id}",
  operationId: "getDeal",
  summary: "A deal (introduction) as the caller may see it",
  description: "Broker, need owner or the introduced researcher; identities follow the need's visibility until both sides accept.",
  tags: ["Deals"],
  response: { status: 200, description: "The deal with its timeline and messages", schema: dealDetailSchema, component: "DealDetail" },
  errors: ["NotFound"],
});
