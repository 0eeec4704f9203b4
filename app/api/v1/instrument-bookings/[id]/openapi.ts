import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const getInstrumentBookingOperation = defineOperation({
  method: "get",
  path: "/instrument-bookings/{id}",
  operationId: "getInstrumentBooking",
  summary: "A booking (booker and managers)",
  tags: ["Instruments"],
  response: { status: 200, description: "The booking", schema: openObject },
  errors: ["NotFound"],
});
