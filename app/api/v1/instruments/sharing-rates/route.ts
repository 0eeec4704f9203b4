import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { defaultPeriod, sharingRateBy } from "@/lib/instruments/metrics";
import { sharingRateQuerySchema } from "@/lib/instruments/schemas";
import { authorize } from "@/lib/policy";
import { getSharingRatesOperation } from "./openapi";

// GET /api/v1/instruments/sharing-rates?groupBy=institutionKind|region&from=&to= : aggregates only.
export const GET = withApi(async ({ actor, request }) => {
  authorize(actor, "instrument.sharingRates");
  const q = readQuery(request, sharingRateQuerySchema);
  const period = defaultPeriod();
  const from = q.from ?? period.from;
  const to = q.to ?? period.to;
  return getSharingRatesOperation.json({
    groupBy: q.groupBy,
    from: from.toISOString(),
    to: to.toISOString(),
    groups: await sharingRateBy({ groupBy: q.groupBy, from, to }),
  });
});
