import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingRequestBodySchema } from "@/lib/instruments/schemas";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const bookInstrumentOperation = defineOperation({
  method: "post",
  path: "/instruments/{id}/bookings",
  operationId: "bookInstrument",
  summary: "Book a slot or request sample testing",
  description: "An overlapping slot is refused by the database (409), even when two requests arrive at once.",
  tags: ["Instruments"],
  body: { schema: bookingRequestBodySchema },
  response: { status: 201, description: "The booking", schema: openObject },
  errors: ["NotFound", "Conflict"],
});
