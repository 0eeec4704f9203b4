import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { periodQuerySchema } from "@/lib/instruments/schemas";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const getInstrumentCalendarOperation = defineOperation({
  method: "get",
  path: "/instruments/{id}/calendar",
  operationId: "getInstrumentCalendar",
  summary: "Booked times and maintenance closures",
  tags: ["Instruments"],
  query: periodQuerySchema,
  response: { status: 200, description: "{ booked, closures, openingHours }", schema: openObject },
  errors: ["NotFound"],
});
