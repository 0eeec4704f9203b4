import { z } from "zod";

// The booking-move body of the REST API (pure: the OpenAPI document imports it).
export const BOOKING_API_MOVES = ["APPROVED", "DECLINED", "PROPOSED", "CANCELLED", "COMPLETED", "NO_SHOW", "RATED", "ACCEPT_PROPOSAL"] as const;
export const bookingTransitionSchema = z.looseObject({
  to: z
    .enum(BOOKING_API_MOVES)
    .describe(
      "APPROVED (manager), DECLINED (reason), PROPOSED (startsAt, endsAt), CANCELLED (reason), COMPLETED (hoursUsed, fee), NO_SHOW, RATED (rating 1-5, comment), ACCEPT_PROPOSAL (booker)",
    ),
  version: z.coerce.number().int().min(1),
});
export const bookingTransitionSchemaForDocs = bookingTransitionSchema.extend({
  version: z.number().int().min(1),
  reason: z.string().optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  hoursUsed: z.number().optional(),
  fee: z.number().int().optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().optional(),
});
