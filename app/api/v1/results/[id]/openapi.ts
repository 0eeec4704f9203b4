import { defineOperation } from "@/lib/api/openapi/define-operation";
import { resultViewSchema } from "@/lib/api/response-schemas";

export const getResultOperation = defineOperation({
  method: "get",
  path: "/results/{id}",
  operationId: "getResult",
  summary: "Read a research result",
  description: "404 for another organisation's unpublished result.",
  tags: ["Results"],
  response: { status: 200, description: "The result", schema: resultViewSchema, component: "Result" },
  errors: ["NotFound"],
});
