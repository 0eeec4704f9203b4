import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingListSchema } from "@/lib/instruments/response-schemas";
import { bookingListQuerySchema } from "@/lib/instruments/schemas";

export const listInstrumentBookingsOperation = defineOperation({
  method: "get",
  path: "/instrument-bookings",
  operationId: "listInstrumentBookings",
  summary: "Your bookings, or those of the instruments you manage",
  tags: ["Instruments"],
  query: bookingListQuerySchema,
  response: { status: 200, description: "Bookings, open ones first for managers", schema: bookingListSchema },
  errors: [],
});
