import { describe, expect, it } from "vitest";
import { BookingStatus } from "@/lib/generated/prisma/enums";
import { bookerMayCancel, checkBookingMove, isTerminal, movesFor, SLOT_HOLDING } from "./transitions";

const ALL = Object.values(BookingStatus);

describe("booking transitions", () => {
  it("follows the cycle requested -> approved -> completed -> rated", () => {
    expect(checkBookingMove("REQUESTED", "APPROVED", "manager")).toEqual({ ok: true });
    expect(checkBookingMove("APPROVED", "COMPLETED", "manager")).toEqual({ ok: true, guard: "usage" });
    expect(checkBookingMove("COMPLETED", "RATED", "booker")).toEqual({ ok: true, guard: "rating" });
  });

  it("lets only the right party make each move", () => {
    expect(checkBookingMove("REQUESTED", "APPROVED", "booker")).toEqual({ ok: false, reason: "notYourMove" });
    expect(checkBookingMove("PROPOSED", "APPROVED", "manager")).toEqual({ ok: false, reason: "notYourMove" });
    expect(checkBookingMove("PROPOSED", "APPROVED", "booker")).toEqual({ ok: true });
    expect(checkBookingMove("COMPLETED", "RATED", "manager")).toEqual({ ok: false, reason: "notYourMove" });
    expect(checkBookingMove("APPROVED", "NO_SHOW", "system")).toEqual({ ok: true });
    expect(checkBookingMove("REQUESTED", "NO_SHOW", "system")).toEqual({ ok: false, reason: "notAllowed" });
  });

  it("asks for a reason to decline, a slot to propose and usage to complete", () => {
    expect(checkBookingMove("REQUESTED", "DECLINED", "manager")).toEqual({ ok: true, guard: "reason" });
    expect(checkBookingMove("REQUESTED", "PROPOSED", "manager")).toEqual({ ok: true, guard: "slot" });
    expect(checkBookingMove("APPROVED", "CANCELLED", "booker")).toEqual({ ok: true, guard: "cancelRule" });
  });

  it("has no way out of a terminal status", () => {
    for (const from of ["DECLINED", "CANCELLED", "RATED", "NO_SHOW"] as const) {
      expect(isTerminal(from)).toBe(true);
      for (const to of ALL)
        for (const p of ["manager", "booker", "system"] as const) expect(checkBookingMove(from, to, p)).toEqual({ ok: false, reason: "terminal" });
    }
  });

  it("never lets anyone skip approval or rate before completion", () => {
    expect(checkBookingMove("REQUESTED", "COMPLETED", "manager").ok).toBe(false);
    expect(checkBookingMove("APPROVED", "RATED", "booker").ok).toBe(false);
    expect(movesFor("REQUESTED", "booker")).toEqual(["CANCELLED"]);
    expect(movesFor("REQUESTED", "manager")).toEqual(["APPROVED", "DECLINED", "PROPOSED", "CANCELLED"]);
  });

  it("holds the slot in every live or used status and frees it otherwise", () => {
    expect([...SLOT_HOLDING].sort()).toEqual(["APPROVED", "COMPLETED", "PROPOSED", "RATED", "REQUESTED"]);
  });

  it("cancels free of charge until the institution's deadline", () => {
    const start = new Date("2026-12-10T02:00:00Z");
    expect(bookerMayCancel(start, 24, new Date("2026-12-09T02:00:00Z"))).toBe(true);
    expect(bookerMayCancel(start, 24, new Date("2026-12-09T02:00:01Z"))).toBe(false);
    expect(bookerMayCancel(start, 0, new Date("2026-12-10T01:59:00Z"))).toBe(true);
  });
});
