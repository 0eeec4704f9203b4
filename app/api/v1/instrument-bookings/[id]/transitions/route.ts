import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { transitionBookingFromApi } from "@/lib/instruments/api";
import { getBooking } from "@/lib/instruments/bookings";
import { transitionInstrumentBookingOperation } from "./openapi";

// POST /api/v1/instrument-bookings/{id}/transitions : one move of the booking cycle (lib/instruments/transitions.ts).
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  await transitionBookingFromApi(actor, params.id, await readJsonBody(request));
  return transitionInstrumentBookingOperation.json(await getBooking(actor, params.id));
});
