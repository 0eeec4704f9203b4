import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { defaultPeriod, getInstrumentMetrics } from "@/lib/instruments/metrics";
import { periodQuerySchema } from "@/lib/instruments/schemas";
import { getInstrumentMetricsOperation } from "./openapi";

// GET /api/v1/instruments/{id}/metrics?from=&to= : the instrument's sharing metrics (its institution, staff, analysts).
export const GET = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const q = readQuery(request, periodQuerySchema);
  const period = defaultPeriod();
  return getInstrumentMetricsOperation.json(
    await getInstrumentMetrics(actor, params.id, { from: q.from ? new Date(q.from) : period.from, to: q.to ? new Date(q.to) : period.to }),
  );
});
