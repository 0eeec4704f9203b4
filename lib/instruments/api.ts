import "server-only";
import { bookingTransitionSchema } from "./api-schemas";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { acceptProposal, approveBooking, cancelBooking, declineBooking, markNoShow, proposeSlot, rateBooking, recordUse } from "./bookings";
import { cancelBookingSchema, declineBookingSchema, proposeSlotSchema, rateBookingSchema, recordUseSchema, bookingRefSchema } from "./schemas";

// The REST API's one entry for booking moves: POST /instrument-bookings/{id}/transitions with
// { to, version, ...fields of that move }. Each move parses with the same schema its form uses.
export async function transitionBookingFromApi(actor: Actor, bookingId: string, body: unknown): Promise<void> {
  const { to } = parseOrThrow(bookingTransitionSchema, body);
  const input = { ...(body as Record<string, unknown>), bookingId };
  delete (input as { to?: unknown }).to;
  switch (to) {
    case "APPROVED":
      return approveBooking(actor, parseOrThrow(bookingRefSchema, input));
    case "ACCEPT_PROPOSAL":
      return acceptProposal(actor, parseOrThrow(bookingRefSchema, input));
    case "DECLINED":
      return declineBooking(actor, parseOrThrow(declineBookingSchema, input));
    case "PROPOSED":
      return proposeSlot(actor, parseOrThrow(proposeSlotSchema, input));
    case "CANCELLED":
      return cancelBooking(actor, parseOrThrow(cancelBookingSchema, input));
    case "COMPLETED":
      return recordUse(actor, parseOrThrow(recordUseSchema, input));
    case "NO_SHOW":
      return markNoShow(actor, parseOrThrow(bookingRefSchema, input));
    case "RATED":
      return rateBooking(actor, parseOrThrow(rateBookingSchema, input));
    default:
      throw new AppError("VALIDATION", { key: "instruments.bookingMove", params: { status: String(to) } });
  }
}
