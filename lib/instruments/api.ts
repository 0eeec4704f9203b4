import "server-only";
import { bookingTransitionSchema } from "./api-schemas";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";
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

/**
 * Runs an API handler body; an AppError with a message key (errors.json) is worded in the
 * caller's language here, at the edge (lib/api/respond.ts words only codes so far).
 */
export async function wordingKeys<T>(locale: UiLocale, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError && error.key) {
      const t = await translatorFor(locale === "en" ? "en" : "zh-CN");
      const key = `errors.${error.key}`;
      if (t.has(key))
        throw new AppError(error.code, t(key, error.params ?? {}), { fields: error.fields, detail: error.detail, retryAfterSeconds: error.retryAfterSeconds });
    }
    throw error;
  }
}
