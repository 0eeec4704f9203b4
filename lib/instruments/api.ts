import "server-only";
import { bookingTransitionSchema } from "./api-schemas";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { parseOrThrow, type UiLocale } from "@/lib/validation/parse-input";
import { acceptProposal, approveBooking, cancelBooking, declineBooking, markNoShow, proposeSlot, rateBooking, recordUse } from "./bookings";
import { cancelBookingSchema, declineBookingSchema, proposeSlotSchema, rateBookingSchema, recordUseSchema, bookingRefSchema } from "./schemas";

// The REST API's one entry for booking moves: POST /instrument-bookings/{id}/transitions with
// { to, version, ...fields of that move }. Each move parses with the same schema its form uses.
export async function transitionBookingFromApi(actor: Actor, bookingId: string, body: unknown, locale: UiLocale): Promise<void> {
  const { to } = parseOrThrow(bookingTransitionSchema, body, locale);
  const input = { ...(body as Record<string, unknown>), bookingId };
  delete (input as { to?: unknown }).to;
  switch (to) {
    case "APPROVED":
      return approveBooking(actor, parseOrThrow(bookingRefSchema, input, locale));
    case "ACCEPT_PROPOSAL":
      return acceptProposal(actor, parseOrThrow(bookingRefSchema, input, locale));
    case "DECLINED":
      return declineBooking(actor, parseOrThrow(declineBookingSchema, input, locale));
    case "PROPOSED":
      return proposeSlot(actor, parseOrThrow(proposeSlotSchema, input, locale));
    case "CANCELLED":
      return cancelBooking(actor, parseOrThrow(cancelBookingSchema, input, locale));
    case "COMPLETED":
      return recordUse(actor, parseOrThrow(recordUseSchema, input, locale));
    case "NO_SHOW":
      return markNoShow(actor, parseOrThrow(bookingRefSchema, input, locale));
    case "RATED":
      return rateBooking(actor, parseOrThrow(rateBookingSchema, input, locale));
    default:
      throw new AppError("VALIDATION", { key: "instruments.bookingMove", params: { status: String(to) } });
  }
}
