import { exportAuditCsv } from "@/lib/access/export-audit-csv";
import { auditExportQuerySchema } from "@/lib/access/schemas";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { jsonError } from "@/lib/api/respond";
import { readQuery } from "@/lib/api/read-query";
import { clientIpFrom } from "@/lib/http/client-ip";
import { toLocale } from "@/i18n/locale";

// GET /{locale}/admin/audit/export?from=&to= : the CSV download behind the admin page (signed-in
// session; the service authorizes admins only and audits the export).
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  try {
    const actor = await getCurrentActor();
    const range = readQuery(request, auditExportQuerySchema);
    const csv = await exportAuditCsv(actor, range, { ip: clientIpFrom(request.headers) });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit-log.csv"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return jsonError(error, { locale, signal: request.signal });
  }
}
