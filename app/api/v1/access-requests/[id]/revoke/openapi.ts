import { accessRevokedSchema } from "@/lib/api/access-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { revokeAccessSchema } from "@/lib/access/schemas";

export const revokeAccessOperation = defineOperation({
  method: "post",
  path: "/access-requests/{id}/revoke",
  operationId: "revokeAccess",
  summary: "Revoke a grant",
  description: "Owner or acting broker. Takes effect on the researcher's very next request.",
  tags: ["Access"],
  body: { schema: revokeAccessSchema, component: "RevokeAccessInput" },
  response: { status: 200, description: "The revoked grant", schema: accessRevokedSchema },
  errors: ["NotFound", "Conflict"],
});
