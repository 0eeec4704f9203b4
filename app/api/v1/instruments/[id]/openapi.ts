import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { instrumentViewSchema } from "@/lib/instruments/response-schemas";
import { instrumentSchema } from "@/lib/instruments/schemas";

export const getInstrumentOperation = defineOperation({
  method: "get",
  path: "/instruments/{id}",
  operationId: "getInstrument",
  summary: "An instrument",
  tags: ["Instruments"],
  response: { status: 200, description: "The instrument", schema: instrumentViewSchema, component: "Instrument" },
  errors: ["NotFound"],
});

export const updateInstrumentOperation = defineOperation({
  method: "put",
  path: "/instruments/{id}",
  operationId: "updateInstrument",
  summary: "Replace an instrument's details",
  description: "Its manager or an admin of its institution; send the version you read (409 when stale).",
  tags: ["Instruments"],
  body: { schema: instrumentSchema.extend({ version: z.number().int().min(1) }) },
  response: { status: 200, description: "The instrument after the change", schema: instrumentViewSchema, component: "Instrument" },
  errors: ["NotFound", "Conflict"],
});
