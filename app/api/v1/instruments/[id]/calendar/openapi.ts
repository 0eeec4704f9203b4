import { defineOperation } from "@/lib/api/openapi/define-operation";
import { calendarSchema } from "@/lib/instruments/response-schemas";
import { periodQuerySchema } from "@/lib/instruments/schemas";

export const getInstrumentCalendarOperation = defineOperation({
  method: "get",
  path: "/instruments/{id}/calendar",
  operationId: "getInstrumentCalendar",
  summary: "Booked times and maintenance closures",
  tags: ["Instruments"],
  query: periodQuerySchema,
  response: { status: 200, description: "Booked times, closures and opening hours", schema: calendarSchema },
  errors: ["NotFound"],
});
