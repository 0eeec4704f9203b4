import { z } from "zod";
import { auditExportQuerySchema } from "@/lib/access/schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

export const exportAuditLogOperation = defineOperation({
  method: "get",
  path: "/audit-log",
  operationId: "exportAuditLog",
  summary: "Export the audit log as CSV",
  description: "Admins only (403 otherwise). The export is itself audited; rows hold ids, levels and reason codes, never need text.",
  tags: ["Access"],
  query: auditExportQuerySchema,
  response: { status: 200, description: "CSV (UTF-8 with BOM)", schema: z.string(), contentType: "text/csv" },
  errors: ["Forbidden"],
});
