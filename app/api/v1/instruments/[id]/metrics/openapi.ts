import { defineOperation } from "@/lib/api/openapi/define-operation";
import { sharingMetricsSchema } from "@/lib/instruments/response-schemas";
import { periodQuerySchema } from "@/lib/instruments/schemas";

export const getInstrumentMetricsOperation = defineOperation({
  method: "get",
  path: "/instruments/{id}/metrics",
  operationId: "getInstrumentMetrics",
  summary: "Sharing metrics of an instrument",
  tags: ["Instruments"],
  query: periodQuerySchema,
  response: { status: 200, description: "The metrics", schema: sharingMetricsSchema, component: "SharingMetrics" },
  errors: ["NotFound"],
});
