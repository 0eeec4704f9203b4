import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { defaultPeriod, sharingByInstitution } from "@/lib/instruments/metrics";
import { periodQuerySchema } from "@/lib/instruments/schemas";
import { getInstitutionMetricsOperation } from "./openapi";

// GET /api/v1/instruments/institution-metrics?from=&to= : every institution's metrics (staff, analysts).
export const GET = withApi(async ({ actor, request }) => {
  const q = readQuery(request, periodQuerySchema);
  const period = defaultPeriod();
  const from = q.from ? new Date(q.from) : period.from;
  const to = q.to ? new Date(q.to) : period.to;
  return getInstitutionMetricsOperation.json({ from: from.toISOString(), to: to.toISOString(), items: await sharingByInstitution(actor, { from, to }) });
});
