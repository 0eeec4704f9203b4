import { defineOperation } from "@/lib/api/openapi/define-operation";
import { needPageSchema, needViewSchema } from "@/lib/api/response-schemas";
import { createNeedSchema } from "@/lib/needs/schemas";

export const listNeedsOperation = defineOperation({
  method: "get",
  path: "/needs",
  operationId: "listNeeds",
  summary: "List needs",
  description:
    "Needs the caller may discover, newest first: live needs of every organisation except BROKER_ONLY ones, plus all of the caller's own. " +
    'CONFIDENTIAL needs of other organisations appear as teasers (access: "teaser", description null).',
  tags: ["Needs"],
  pageQuery: true,
  response: { status: 200, description: "One page of needs", schema: needPageSchema, component: "NeedPage" },
});

export const createNeedOperation = defineOperation({
  method: "post",
  path: "/needs",
  operationId: "createNeed",
  summary: "Post a need",
  description: "Company accounts only. The need is published at once and indexed for search shortly after.",
  tags: ["Needs"],
  body: {
    schema: createNeedSchema,
    component: "CreateNeedInput",
    description:
      "A new need. budgetMinCny must not exceed budgetMaxCny (422 naming budgetMinCny). A CONFIDENTIAL need must have a teaser: " +
      "other organisations only ever see its title, teaser, field, chain node, TRL and budget. Unknown fields are rejected (422).",
    // The cross-field rule of lib/needs/schemas.ts that a JSON Schema keyword can state.
    extend: {
      allOf: [
        {
          if: { properties: { visibility: { const: "CONFIDENTIAL" } }, required: ["visibility"] },
          then: { required: ["teaser"], properties: { teaser: { minLength: 1 } } },
        },
      ],
    },
  },
  response: {
    status: 201,
    description: "The new need, as the caller sees it",
    schema: needViewSchema,
    component: "Need",
    headers: { Location: { description: "URL of the new item", schema: { type: "string" } } },
  },
  errors: ["Forbidden"],
});
