import { readUploadedFiles } from "@/lib/api/read-upload";
import { withApi } from "@/lib/api/with-api";
import { fieldError } from "@/lib/errors";
import { attachBookingReport, getBooking } from "@/lib/instruments/bookings";
import { attachReportOperation } from "./openapi";

// POST /api/v1/instrument-bookings/{id}/report : multipart/form-data with `file` (the test report).
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const [report] = await readUploadedFiles(request, "file", 1);
  if (!report) throw fieldError("file", "v.noFile");
  await attachBookingReport(actor, { bookingId: params.id, report });
  return attachReportOperation.json(await getBooking(actor, params.id));
});
