import { defineOperation } from "@/lib/api/openapi/define-operation";
import { institutionSharingListSchema } from "@/lib/instruments/response-schemas";
import { periodQuerySchema } from "@/lib/instruments/schemas";

export const getInstitutionMetricsOperation = defineOperation({
  method: "get",
  path: "/instruments/institution-metrics",
  operationId: "getInstitutionSharingMetrics",
  summary: "Sharing metrics of every listing institution (考评)",
  description:
    "Hours available and used (internal, external), external sharing rate, external organisations served, median hours to approval and satisfaction per institution, over the last 12 months by default. Platform staff and analysts.",
  tags: ["Instruments"],
  query: periodQuerySchema,
  response: { status: 200, description: "Institutions, lowest external sharing rate first", schema: institutionSharingListSchema },
  errors: ["Forbidden"],
});
