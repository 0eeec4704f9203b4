import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { instrumentSearchResponseSchema, instrumentViewSchema } from "@/lib/instruments/response-schemas";
import { instrumentSchema, instrumentSearchSchema } from "@/lib/instruments/schemas";

export const searchInstrumentsOperation = defineOperation({
  method: "get",
  path: "/instruments",
  operationId: "searchInstruments",
  summary: "Search shared instruments",
  description:
    "Plain words in Chinese or English (what to measure, a name, a model), filtered by category (01 or 0103), region, maximum external price and free time between availableFrom and availableTo.",
  tags: ["Instruments"],
  query: instrumentSearchSchema as unknown as z.ZodObject,
  response: { status: 200, description: "One page of instruments", schema: instrumentSearchResponseSchema, component: "InstrumentPage" },
  errors: ["Unavailable"],
});

export const createInstrumentOperation = defineOperation({
  method: "post",
  path: "/instruments",
  operationId: "createInstrument",
  summary: "List an instrument of your institution",
  description: "Members of an organisation (company or researcher accounts); the caller becomes its manager.",
  tags: ["Instruments"],
  body: { schema: instrumentSchema, component: "InstrumentInput" },
  response: { status: 201, description: "The instrument", schema: instrumentViewSchema, component: "Instrument" },
  errors: ["Forbidden", "Conflict"],
});
