import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingViewSchema } from "@/lib/instruments/response-schemas";

export const getInstrumentBookingOperation = defineOperation({
  method: "get",
  path: "/instrument-bookings/{id}",
  operationId: "getInstrumentBooking",
  summary: "A booking (booker and managers)",
  tags: ["Instruments"],
  response: { status: 200, description: "The booking", schema: bookingViewSchema, component: "InstrumentBooking" },
  errors: ["NotFound"],
});
