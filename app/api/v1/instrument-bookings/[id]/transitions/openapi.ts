import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingTransitionSchemaForDocs } from "@/lib/instruments/api-schemas";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const transitionInstrumentBookingOperation = defineOperation({
  method: "post",
  path: "/instrument-bookings/{id}/transitions",
  operationId: "transitionInstrumentBooking",
  summary: "Move a booking through its cycle",
  description: "Only moves the booking's state table allows (409 otherwise); send the version you read.",
  tags: ["Instruments"],
  body: { schema: bookingTransitionSchemaForDocs },
  response: { status: 200, description: "The booking", schema: openObject },
  errors: ["Forbidden", "NotFound", "Conflict"],
});
