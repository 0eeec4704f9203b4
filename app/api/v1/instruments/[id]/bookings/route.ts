import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getBooking, requestBooking } from "@/lib/instruments/bookings";
import { bookingRequestSchema } from "@/lib/instruments/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { bookInstrumentOperation } from "./openapi";

// POST /api/v1/instruments/{id}/bookings : book a slot (409 instruments.bookingOverlap when it is taken).
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  const input = parseOrThrow(bookingRequestSchema, { ...body, instrumentId: params.id });
  const { id } = await requestBooking(actor, input);
  return bookInstrumentOperation.json(await getBooking(actor, id), { headers: { Location: `/api/v1/instrument-bookings/${encodeURIComponent(id)}` } });
});
