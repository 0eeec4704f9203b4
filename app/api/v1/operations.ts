import { buildOpenApiDocument } from "@/lib/api/openapi/build-document";
import type { OperationSpec } from "@/lib/api/openapi/define-operation";
import type { z } from "zod";
import { catalogHitSchema, matchSchema } from "@/lib/api/response-schemas";
import * as accessRequest from "./access-requests/[id]/openapi";
import * as accessMessages from "./access-requests/[id]/messages/openapi";
import * as accessRevoke from "./access-requests/[id]/revoke/openapi";
import * as auditLog from "./audit-log/openapi";
import * as deal from "./deals/[id]/openapi";
import * as dealContract from "./deals/[id]/contract/openapi";
import * as dealRespond from "./deals/[id]/respond/openapi";
import * as dealTransitions from "./deals/[id]/transitions/openapi";
import * as needs from "./needs/openapi";
import * as need from "./needs/[id]/openapi";
import * as needAccessRequests from "./needs/[id]/access-requests/openapi";
import * as needAudit from "./needs/[id]/audit/openapi";
import * as needMatches from "./needs/[id]/matches/openapi";
import * as needNda from "./needs/[id]/nda/openapi";
import * as openapi from "./openapi.json/openapi";
import * as results from "./results/openapi";
import * as result from "./results/[id]/openapi";
import * as search from "./search/openapi";
import * as instruments from "./instruments/openapi";
import * as instruments_id from "./instruments/[id]/openapi";
import * as instruments_id_calendar from "./instruments/[id]/calendar/openapi";
import * as instruments_id_bookings from "./instruments/[id]/bookings/openapi";
import * as instruments_id_metrics from "./instruments/[id]/metrics/openapi";
import * as instruments_sharing_rates from "./instruments/sharing-rates/openapi";
import * as instruments_import from "./instruments/import/openapi";
import * as instruments_id_photos from "./instruments/[id]/photos/openapi";
import * as instruments_partners from "./instruments/partners/openapi";
import * as instruments_partners_id from "./instruments/partners/[organisationId]/openapi";
import * as instruments_institution_metrics from "./instruments/institution-metrics/openapi";
import * as instrument_bookings from "./instrument-bookings/openapi";
import * as instrument_bookings_id from "./instrument-bookings/[id]/openapi";
import * as instrument_bookings_id_transitions from "./instrument-bookings/[id]/transitions/openapi";
import * as instrument_bookings_id_report from "./instrument-bookings/[id]/report/openapi";
import * as ch0 from "./challenges/openapi";
import * as ch1 from "./challenges/[id]/openapi";
import * as ch2 from "./challenges/[id]/transitions/openapi";
import * as ch3 from "./challenges/[id]/nda/openapi";
import * as ch4 from "./challenges/[id]/panel/openapi";
import * as ch5 from "./challenges/[id]/applications/openapi";
import * as ch6 from "./challenges/[id]/award/openapi";
import * as ch7 from "./challenges/[id]/outcome/openapi";
import * as ch8 from "./challenge-applications/openapi";
import * as ch9 from "./challenge-applications/[id]/openapi";
import * as ch10 from "./challenge-applications/[id]/withdraw/openapi";
import * as ch11 from "./challenge-applications/[id]/conflict/openapi";
import * as ch12 from "./challenge-applications/[id]/scores/openapi";
import * as ch13 from "./challenge-applications/[id]/shortlist/openapi";
import * as ch14 from "./challenge-applications/[id]/milestones/openapi";
import * as ch15 from "./challenge-milestones/[id]/submission/openapi";
import * as ch16 from "./challenge-milestones/[id]/decision/openapi";
import * as ch17 from "./challenge-milestones/[id]/payment/openapi";
import * as ch18 from "./challenge-applications/[id]/questions/openapi";
import * as ch19 from "./challenge-questions/[id]/answer/openapi";
import * as ch20 from "./challenges/[id]/panel/[panelMemberId]/openapi";

// Every REST v1 operation, each declared in the openapi.ts beside its route.ts. A route method
// without an operation here fails lib/api/openapi.int.test.ts.
const modules: Record<string, OperationSpec<z.ZodType>>[] = [
  needs,
  need,
  needMatches,
  needNda,
  needAccessRequests,
  needAudit,
  accessRequest,
  accessRevoke,
  accessMessages,
  auditLog,
  deal,
  dealRespond,
  dealTransitions,
  dealContract,
  results,
  result,
  search,
  instruments,
  instruments_id,
  instruments_id_calendar,
  instruments_id_bookings,
  instruments_id_metrics,
  instruments_sharing_rates,
  instruments_import,
  instruments_id_photos,
  instruments_partners,
  instruments_partners_id,
  instruments_institution_metrics,
  instrument_bookings,
  instrument_bookings_id,
  instrument_bookings_id_transitions,
  instrument_bookings_id_report,
  openapi,
  // Challenges (揭榜挂帅, issue 15)
  ch0,
  ch1,
  ch2,
  ch3,
  ch4,
  ch5,
  ch6,
  ch7,
  ch8,
  ch9,
  ch10,
  ch11,
  ch12,
  ch13,
  ch14,
  ch15,
  ch16,
  ch17,
  ch18,
  ch19,
  ch20,
];

export const apiOperations: OperationSpec<z.ZodType>[] = modules.flatMap((m) => Object.values(m));

/** The OpenAPI 3.1 document of REST v1, served at GET /api/v1/openapi.json. */
export const openApiDocument = buildOpenApiDocument(apiOperations, { SearchHit: catalogHitSchema, Match: matchSchema });
