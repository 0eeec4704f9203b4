import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { getInstrumentCalendar } from "@/lib/instruments/bookings";
import { periodQuerySchema as calendarQuerySchema } from "@/lib/instruments/schemas";
import { getInstrumentCalendarOperation } from "./openapi";

const DAY = 86_400_000;

// GET /api/v1/instruments/{id}/calendar?from=&to= : booked times and closures (14 days by default), without bookers.
export const GET = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const q = readQuery(request, calendarQuerySchema);
  const from = q.from ? new Date(q.from) : new Date();
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 14 * DAY);
  return getInstrumentCalendarOperation.json(await getInstrumentCalendar(actor, params.id, from, new Date(Math.min(to.getTime(), from.getTime() + 92 * DAY))));
});
