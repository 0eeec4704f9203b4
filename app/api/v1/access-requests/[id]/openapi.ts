import { accessDecisionSchema } from "@/lib/api/access-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { decideAccessSchema } from "@/lib/access/schemas";

export const decideAccessOperation = defineOperation({
  method: "patch",
  path: "/access-requests/{id}",
  operationId: "decideAccess",
  summary: "Approve or decline an access request",
  description: "Owner or acting broker. APPROVE grants access for days (default: the need's accessDays, 90 unless set); reasonCode from the documented list.",
  tags: ["Access"],
  body: { schema: decideAccessSchema, component: "DecideAccessInput" },
  response: { status: 200, description: "The decision", schema: accessDecisionSchema },
  errors: ["NotFound", "Conflict"],
});
