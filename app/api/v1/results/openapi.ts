import { defineOperation } from "@/lib/api/openapi/define-operation";
import { resultPageSchema, resultViewSchema } from "@/lib/api/response-schemas";
import { createResultSchema } from "@/lib/results/schemas";

export const listResultsOperation = defineOperation({
  method: "get",
  path: "/results",
  operationId: "listResults",
  summary: "List research results",
  description: "Published results of every organisation plus all of the caller's own, newest first.",
  tags: ["Results"],
  pageQuery: true,
  response: { status: 200, description: "One page of results", schema: resultPageSchema, component: "ResultPage" },
});

export const createResultOperation = defineOperation({
  method: "post",
  path: "/results",
  operationId: "createResult",
  summary: "Publish a research result",
  description: "Researcher and broker accounts only.",
  tags: ["Results"],
  body: {
    schema: createResultSchema,
    component: "CreateResultInput",
    description: "A new research result. externalId (optional) is your own reference, unique within your organisation.",
  },
  response: {
    status: 201,
    description: "The new result",
    schema: resultViewSchema,
    component: "Result",
    headers: { Location: { description: "URL of the new item", schema: { type: "string" } } },
  },
  errors: ["Forbidden", "Conflict"],
});
