import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { sharingRateQuerySchema } from "@/lib/instruments/schemas";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const getSharingRatesOperation = defineOperation({
  method: "get",
  path: "/instruments/sharing-rates",
  operationId: "getSharingRates",
  summary: "External sharing rates by institution kind or region",
  tags: ["Instruments"],
  query: sharingRateQuerySchema as unknown as z.ZodObject,
  response: { status: 200, description: "{ groupBy, from, to, groups }", schema: openObject },
  errors: [],
});
