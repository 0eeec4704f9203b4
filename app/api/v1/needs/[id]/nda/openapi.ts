import { ndaSchema } from "@/lib/api/access-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

export const getNeedNdaOperation = defineOperation({
  method: "get",
  path: "/needs/{id}/nda",
  operationId: "getNeedNda",
  summary: "The NDA to accept before asking for access",
  description: "Its version and SHA-256 go into the access request, so that the acceptance names exactly the text that was read.",
  tags: ["Access"],
  response: { status: 200, description: "The current NDA", schema: ndaSchema, component: "Nda" },
  errors: ["NotFound"],
});
