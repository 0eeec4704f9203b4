import { defineOperation } from "@/lib/api/openapi/define-operation";
import { needViewSchema } from "@/lib/api/response-schemas";
import { updateNeedSchema } from "@/lib/needs/schemas";

export const getNeedOperation = defineOperation({
  method: "get",
  path: "/needs/{id}",
  operationId: "getNeed",
  summary: "Read a need",
  description: 'A CONFIDENTIAL need of another organisation comes back as a teaser (access: "teaser", no description); a BROKER_ONLY one is 404.',
  tags: ["Needs"],
  response: { status: 200, description: "The need as the caller may see it", schema: needViewSchema, component: "Need" },
  errors: ["NotFound"],
});

export const updateNeedOperation = defineOperation({
  method: "patch",
  path: "/needs/{id}",
  operationId: "updateNeed",
  summary: "Change a need",
  description:
    "Company accounts of the owning organisation only; anyone else gets 404 (or 403 when they can see the need). Bumps version. " +
    "Send If-Match with the ETag of GET to be told (409) when the need changed since you read it.",
  tags: ["Needs"],
  body: {
    schema: updateNeedSchema,
    component: "UpdateNeedInput",
    description:
      "Fields to change (at least one). The rules of CreateNeedInput are checked again on the need as it would be after the change, " +
      "e.g. a new budgetMinCny against the stored budgetMaxCny, or visibility CONFIDENTIAL on a need without a teaser.",
    extend: { minProperties: 1 },
  },
  response: { status: 200, description: "The need after the change", schema: needViewSchema, component: "Need" },
  errors: ["Forbidden", "NotFound", "Conflict"],
});
