import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { transitionBookingFromApi, wordingKeys } from "@/lib/instruments/api";
import { getBooking } from "@/lib/instruments/bookings";

// POST /api/v1/instrument-bookings/{id}/transitions : one move of the booking cycle (lib/instruments/transitions.ts).
export const POST = withApi<{ id: string }>(async ({ actor, locale, params, request }) => {
  return wordingKeys(locale, async () => {
    await transitionBookingFromApi(actor, params.id, await readJsonBody(request));
    return NextResponse.json(await getBooking(actor, params.id));
  });
});
