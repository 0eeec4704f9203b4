import { defineOperation } from "@/lib/api/openapi/define-operation";
import { bookingViewSchema } from "@/lib/instruments/response-schemas";

export const attachReportOperation = defineOperation({
  method: "post",
  path: "/instrument-bookings/{id}/report",
  operationId: "attachInstrumentBookingReport",
  summary: "Attach (or replace) the test report of a completed booking",
  description:
    "multipart/form-data with `file` (PDF or an image, checked by content, at most 10 MB). The instrument's managers, once use is recorded (COMPLETED or RATED). Only the booker's side and the managers see or download it (GET report.url).",
  tags: ["Instruments"],
  response: { status: 201, description: "The booking with its report", schema: bookingViewSchema, component: "InstrumentBooking" },
  errors: ["Forbidden", "NotFound", "Conflict", "ValidationFailed"],
});
