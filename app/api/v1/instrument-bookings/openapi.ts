import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingListQuerySchema } from "@/lib/instruments/schemas";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const listInstrumentBookingsOperation = defineOperation({
  method: "get",
  path: "/instrument-bookings",
  operationId: "listInstrumentBookings",
  summary: "Your bookings, or those of the instruments you manage",
  tags: ["Instruments"],
  query: bookingListQuerySchema,
  response: { status: 200, description: "{ items }", schema: openObject },
  errors: [],
});
