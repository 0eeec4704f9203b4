import { needAuditSchema } from "@/lib/api/access-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

export const listNeedAuditOperation = defineOperation({
  method: "get",
  path: "/needs/{id}/audit",
  operationId: "listNeedAudit",
  summary: "Who saw what and when",
  description:
    "The need's audit trail (views of confidential detail, grants, declines, revocations, NDA acceptances, level changes). Owner or acting broker only.",
  tags: ["Access"],
  response: { status: 200, description: "Audited events, newest first", schema: needAuditSchema, component: "NeedAudit" },
  errors: ["NotFound"],
});
