import { withApi } from "@/lib/api/with-api";
import { listNeedAuditOperation } from "./openapi";
import { listNeedAudit } from "@/lib/access/list-need-audit";

// GET /api/v1/needs/{id}/audit : who saw what and when (owner or the broker acting for them).
export const GET = withApi<{ id: string }>(async ({ actor, params }) => {
  return listNeedAuditOperation.json({ items: await listNeedAudit(actor, params.id) });
});
