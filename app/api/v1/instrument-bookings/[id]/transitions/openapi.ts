import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingViewSchema } from "@/lib/instruments/response-schemas";
import { bookingTransitionSchemaForDocs } from "@/lib/instruments/api-schemas";

export const transitionInstrumentBookingOperation = defineOperation({
  method: "post",
  path: "/instrument-bookings/{id}/transitions",
  operationId: "transitionInstrumentBooking",
  summary: "Move a booking through its cycle",
  description: "Only moves the booking's state table allows (409 otherwise); send the version you read.",
  tags: ["Instruments"],
  body: { schema: bookingTransitionSchemaForDocs },
  response: { status: 200, description: "The booking after the move", schema: bookingViewSchema, component: "InstrumentBooking" },
  errors: ["Forbidden", "NotFound", "Conflict"],
});
