import { withApi } from "@/lib/api/with-api";
import { getBooking } from "@/lib/instruments/bookings";
import { getInstrumentBookingOperation } from "./openapi";

// GET /api/v1/instrument-bookings/{id} : the booker and the instrument's managers.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => getInstrumentBookingOperation.json(await getBooking(actor, params.id)));
