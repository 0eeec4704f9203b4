import "server-only";
import { AppError } from "@/lib/errors";
import type { BookingStatus, Prisma } from "@/lib/generated/prisma/client";
import { isExclusionViolation } from "@/lib/db-errors";

type Tx = Prisma.TransactionClient;

export const OVERLAP_CONSTRAINT = "InstrumentBooking_no_overlap";

/** The clear message for a slot that another live booking holds (the exclusion constraint said no). */
export const bookingOverlap = () => new AppError("CONFLICT", { key: "instruments.bookingOverlap" });

/** Runs `fn`; the database's "overlapping booking" refusal becomes CONFLICT bookingOverlap. */
export async function refusingOverlap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isExclusionViolation(error, OVERLAP_CONSTRAINT)) throw bookingOverlap();
    throw error;
  }
}

const stale = (now: { status: BookingStatus; version: number }) =>
  new AppError("CONFLICT", { key: "instruments.bookingVersion", params: { status: now.status }, detail: { current: now } });

/**
 * The one place a booking row changes. The `version` in the where clause makes a concurrent move
 * lose loudly (409 with the current status) instead of overwriting the winner; every status
 * change leaves an event row with who (null: a scheduled job) and when.
 */
export async function writeBooking(
  tx: Tx,
  actorId: string | null,
  booking: { id: string; status: BookingStatus; version: number },
  expectedVersion: number,
  change: { to?: BookingStatus; note?: string | null; data?: Prisma.InstrumentBookingUpdateManyMutationInput },
): Promise<number> {
  if (expectedVersion !== booking.version) throw stale(booking);
  const { count } = await tx.instrumentBooking.updateMany({
    where: { id: booking.id, version: expectedVersion },
    data: { ...change.data, ...(change.to ? { status: change.to } : {}), version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await tx.instrumentBooking.findUniqueOrThrow({ where: { id: booking.id }, select: { status: true, version: true } });
    throw stale(now);
  }
  if (change.to) {
    await tx.instrumentBookingEvent.create({
      data: { bookingId: booking.id, fromStatus: booking.status, toStatus: change.to, actorId, note: change.note || null },
    });
  }
  return expectedVersion + 1;
}
