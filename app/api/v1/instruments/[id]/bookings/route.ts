import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { wordingKeys } from "@/lib/instruments/api";
import { getBooking, requestBooking } from "@/lib/instruments/bookings";
import { bookingRequestSchema } from "@/lib/instruments/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/instruments/{id}/bookings : book a slot (409 instruments.bookingOverlap when it is taken).
export const POST = withApi<{ id: string }>(async ({ actor, locale, params, request }) => {
  return wordingKeys(locale, async () => {
    const body = (await readJsonBody(request)) as Record<string, unknown>;
    const input = parseOrThrow(bookingRequestSchema, { ...body, instrumentId: params.id });
    const { id } = await requestBooking(actor, input);
    return NextResponse.json(await getBooking(actor, id), { status: 201, headers: { Location: `/api/v1/instrument-bookings/${encodeURIComponent(id)}` } });
  });
});
