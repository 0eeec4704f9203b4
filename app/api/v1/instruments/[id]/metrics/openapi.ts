import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { periodQuerySchema } from "@/lib/instruments/schemas";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const getInstrumentMetricsOperation = defineOperation({
  method: "get",
  path: "/instruments/{id}/metrics",
  operationId: "getInstrumentMetrics",
  summary: "Sharing metrics of an instrument",
  tags: ["Instruments"],
  query: periodQuerySchema,
  response: { status: 200, description: "The metrics", schema: openObject },
  errors: ["NotFound"],
});
