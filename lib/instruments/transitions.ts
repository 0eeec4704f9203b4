import type { BookingStatus } from "@/lib/generated/prisma/enums";

// The booking life cycle as a pure table: which status may follow which, who makes the move and
// what it needs. Services look moves up here (checkBookingMove) and never encode the cycle.
//
//   REQUESTED --manager--> APPROVED | DECLINED (reason) | PROPOSED (another slot)
//   PROPOSED  --booker---> APPROVED (accepts the slot) | CANCELLED (refuses it)
//   APPROVED  --manager--> COMPLETED (hours used, fee, report) | NO_SHOW
//   COMPLETED --booker---> RATED (1-5)
//   REQUESTED, PROPOSED, APPROVED --booker (free until N hours before) or manager--> CANCELLED
//   APPROVED  --system (no-show sweep)--> NO_SHOW

export type BookingParty = "manager" | "booker" | "system";
export type BookingGuard = "reason" | "slot" | "usage" | "rating" | "cancelRule";
type Move = { to: BookingStatus; by: readonly BookingParty[]; guard?: BookingGuard };

const MOVES: Record<BookingStatus, readonly Move[]> = {
  REQUESTED: [
    { to: "APPROVED", by: ["manager"] },
    { to: "DECLINED", by: ["manager"], guard: "reason" },
    { to: "PROPOSED", by: ["manager"], guard: "slot" },
    { to: "CANCELLED", by: ["booker", "manager"], guard: "cancelRule" },
  ],
  PROPOSED: [
    { to: "APPROVED", by: ["booker"] },
    { to: "PROPOSED", by: ["manager"], guard: "slot" },
    { to: "CANCELLED", by: ["booker", "manager"], guard: "cancelRule" },
  ],
  APPROVED: [
    { to: "COMPLETED", by: ["manager"], guard: "usage" },
    { to: "NO_SHOW", by: ["manager", "system"] },
    { to: "CANCELLED", by: ["booker", "manager"], guard: "cancelRule" },
  ],
  COMPLETED: [{ to: "RATED", by: ["booker"], guard: "rating" }],
  DECLINED: [],
  CANCELLED: [],
  RATED: [],
  NO_SHOW: [],
};

/** Statuses in which a booking holds its slot (the exclusion constraint's WHERE, in the migration). */
export const SLOT_HOLDING: readonly BookingStatus[] = ["REQUESTED", "PROPOSED", "APPROVED", "COMPLETED", "RATED"];
/** Statuses whose hours count as used (metrics). */
export const USED: readonly BookingStatus[] = ["COMPLETED", "RATED"];
export const OPEN: readonly BookingStatus[] = ["REQUESTED", "PROPOSED", "APPROVED"];

export type MoveCheck = { ok: true; guard?: BookingGuard } | { ok: false; reason: "terminal" | "notAllowed" | "notYourMove" };

/** May `party` move a booking from `from` to `to`? */
export function checkBookingMove(from: BookingStatus, to: BookingStatus, party: BookingParty): MoveCheck {
  const moves = MOVES[from];
  if (moves.length === 0) return { ok: false, reason: "terminal" };
  const move = moves.find((m) => m.to === to);
  if (!move) return { ok: false, reason: "notAllowed" };
  if (!move.by.includes(party)) return { ok: false, reason: "notYourMove" };
  return move.guard ? { ok: true, guard: move.guard } : { ok: true };
}

/** The moves `party` may make from `from` (buttons shown to them). */
export function movesFor(from: BookingStatus, party: BookingParty): BookingStatus[] {
  return MOVES[from].filter((m) => m.by.includes(party)).map((m) => m.to);
}

export function isTerminal(status: BookingStatus): boolean {
  return MOVES[status].length === 0;
}

/**
 * The institution's cancellation rule: a booker cancels free of charge until `freeCancelHours`
 * before the start; later, only the manager may cancel (the booker is told to ask them).
 */
export function bookerMayCancel(startsAt: Date, freeCancelHours: number, now: Date): boolean {
  return startsAt.getTime() - now.getTime() >= freeCancelHours * 3_600_000;
}
