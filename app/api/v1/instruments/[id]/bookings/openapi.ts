import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingViewSchema } from "@/lib/instruments/response-schemas";
import { bookingRequestBodySchema } from "@/lib/instruments/schemas";

export const bookInstrumentOperation = defineOperation({
  method: "post",
  path: "/instruments/{id}/bookings",
  operationId: "bookInstrument",
  summary: "Book a slot or request sample testing",
  description: "An overlapping slot is refused by the database (409), even when two requests arrive at once.",
  tags: ["Instruments"],
  body: { schema: bookingRequestBodySchema },
  response: { status: 201, description: "The booking", schema: bookingViewSchema, component: "InstrumentBooking" },
  errors: ["NotFound", "Conflict"],
});
