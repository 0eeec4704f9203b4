import { withApi } from "@/lib/api/with-api";
import { readQuery } from "@/lib/api/read-query";
import { exportAuditCsv } from "@/lib/access/export-audit-csv";
import { auditExportQuerySchema } from "@/lib/access/schemas";
import { clientIpFrom } from "@/lib/http/client-ip";

// GET /api/v1/audit-log?from=&to= : the audit log as CSV (admins only; the export is audited).
export const GET = withApi(async ({ actor, request }) => {
  const range = readQuery(request, auditExportQuerySchema);
  const csv = await exportAuditCsv(actor, range, { ip: clientIpFrom(request.headers) });
  return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit-log.csv"' } });
});
