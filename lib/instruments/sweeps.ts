import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications/notify";
import { chinaTime } from "./bookings";
import { checkBookingMove } from "./transitions";
import { writeBooking } from "./write-booking";

const HOUR = 3_600_000;
/** Reminders go out this long before an approved booking starts. */
export const REMIND_BEFORE_HOURS = 24;
/** An approved booking nobody recorded as done this long after its end counts as a no-show. */
export const NO_SHOW_AFTER_HOURS = 24;

/**
 * The booking sweep, as if it were `now` (hourly by the worker's cron; tests pass any `now`).
 * Idempotent: a reminder is sent once (remindedAt, and the notification's dedupe key); a no-show
 * goes through the one write point with the version check, so a manager recording use at the
 * same moment wins or loses cleanly.
 */
export async function sweepInstrumentBookings(db: PrismaClient, now: Date): Promise<{ reminded: number; noShows: number }> {
  let reminded = 0;
  let noShows = 0;
  const upcoming = await db.instrumentBooking.findMany({
    where: { status: "APPROVED", remindedAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_HOURS * HOUR) } },
    select: { id: true, bookerId: true, startsAt: true, instrument: { select: { name: true } } },
  });
  for (const b of upcoming) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.instrumentBooking.updateMany({ where: { id: b.id, remindedAt: null, status: "APPROVED" }, data: { remindedAt: now } });
      if (count === 0) return;
      await notifyUser(tx, {
        userId: b.bookerId,
        kind: "instrumentBooking.reminder",
        params: { instrument: b.instrument.name, time: chinaTime(b.startsAt) },
        link: "/instruments/bookings",
        dedupeKey: `booking:${b.id}:reminder`,
      });
      reminded++;
    });
  }
  const overdue = await db.instrumentBooking.findMany({
    where: { status: "APPROVED", endsAt: { lt: new Date(now.getTime() - NO_SHOW_AFTER_HOURS * HOUR) } },
    select: { id: true, status: true, version: true, startsAt: true, instrument: { select: { name: true, managerId: true } } },
  });
  for (const b of overdue) {
    if (!checkBookingMove(b.status, "NO_SHOW", "system").ok) continue;
    try {
      await db.$transaction(async (tx) => {
        await writeBooking(tx, null, b, b.version, { to: "NO_SHOW", note: "no-show sweep" });
        await notifyUser(tx, {
          userId: b.instrument.managerId,
          kind: "instrumentBooking.noShowMarked",
          params: { instrument: b.instrument.name, time: chinaTime(b.startsAt) },
          link: "/instruments/manage",
          dedupeKey: `booking:${b.id}:noShowMarked`,
        });
      });
      noShows++;
    } catch {
      // Changed meanwhile (the manager recorded it): the next sweep looks again.
    }
  }
  return { reminded, noShows };
}
