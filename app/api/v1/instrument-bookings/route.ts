import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { listManagedBookings, listMyBookings } from "@/lib/instruments/bookings";
import { bookingListQuerySchema } from "@/lib/instruments/schemas";
import { listInstrumentBookingsOperation } from "./openapi";

// GET /api/v1/instrument-bookings?as=booker|manager : the caller's bookings, or those of the instruments they manage.
export const GET = withApi(async ({ actor, request }) => {
  const { as } = readQuery(request, bookingListQuerySchema);
  return listInstrumentBookingsOperation.json({ items: as === "manager" ? await listManagedBookings(actor) : await listMyBookings(actor) });
});
