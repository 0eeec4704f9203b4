import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { sharingRatesResponseSchema } from "@/lib/instruments/response-schemas";
import { sharingRateQuerySchema } from "@/lib/instruments/schemas";

export const getSharingRatesOperation = defineOperation({
  method: "get",
  path: "/instruments/sharing-rates",
  operationId: "getSharingRates",
  summary: "External sharing rates by institution kind or region",
  tags: ["Instruments"],
  query: sharingRateQuerySchema as unknown as z.ZodObject,
  response: { status: 200, description: "Sharing rates per group", schema: sharingRatesResponseSchema },
  errors: [],
});
