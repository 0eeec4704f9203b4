import { describe, expect, it } from "vitest";
import { APPLICATION_STATES, CHALLENGE_STATES, checkMove, isTerminal, MILESTONE_STATES, nextStates } from "./transitions";

const allowed = <S extends string>(states: readonly S[], check: (from: S, to: S) => { ok: boolean; guard?: string }) =>
  states.flatMap((from) =>
    states.flatMap((to) => {
      const c = check(from, to);
      return c.ok ? [`${from}->${to}${c.guard ? `[${c.guard}]` : ""}`] : [];
    }),
  );

describe("challenge transition tables", () => {
  it("challenge: publish, close, award, complete, cancel, and nothing else", () => {
    expect(allowed(CHALLENGE_STATES, (f, t) => checkMove("challenge", f, t)).sort()).toEqual(
      [
        "DRAFT->OPEN[beforeDeadline]",
        "DRAFT->CANCELLED[reason]",
        "OPEN->REVIEW",
        "OPEN->CANCELLED[reason]",
        "REVIEW->AWARDED[award]",
        "REVIEW->CANCELLED[reason]",
        "AWARDED->COMPLETED[allAccepted]",
      ].sort(),
    );
  });

  it("application: withdraw before the deadline, shortlist, award, not selected with a reason", () => {
    expect(allowed(APPLICATION_STATES, (f, t) => checkMove("application", f, t)).sort()).toEqual(
      [
        "SUBMITTED->WITHDRAWN[beforeDeadline]",
        "SUBMITTED->SHORTLISTED",
        "SUBMITTED->AWARDED[award]",
        "SUBMITTED->NOT_SELECTED[reason]",
        "SHORTLISTED->SUBMITTED",
        "SHORTLISTED->AWARDED[award]",
        "SHORTLISTED->NOT_SELECTED[reason]",
      ].sort(),
    );
  });

  it("milestone: submit, accept, reject with a reason and resubmit", () => {
    expect(allowed(MILESTONE_STATES, (f, t) => checkMove("milestone", f, t)).sort()).toEqual(
      ["PENDING->SUBMITTED", "SUBMITTED->ACCEPTED", "SUBMITTED->REJECTED[reason]", "REJECTED->SUBMITTED"].sort(),
    );
  });

  it("says why a move is refused", () => {
    expect(checkMove("challenge", "OPEN", "OPEN")).toEqual({ ok: false, reason: "same" });
    expect(checkMove("challenge", "COMPLETED", "OPEN")).toEqual({ ok: false, reason: "terminal" });
    expect(checkMove("challenge", "OPEN", "COMPLETED")).toEqual({ ok: false, reason: "notAllowed" });
    expect(checkMove("milestone", "ACCEPTED", "REJECTED")).toEqual({ ok: false, reason: "terminal" });
    expect(checkMove("application", "WITHDRAWN", "SUBMITTED")).toEqual({ ok: false, reason: "terminal" });
  });

  it("knows terminal states", () => {
    expect(CHALLENGE_STATES.filter((s) => isTerminal("challenge", s))).toEqual(["COMPLETED", "CANCELLED"]);
    expect(nextStates("milestone", "REJECTED")).toEqual(["SUBMITTED"]);
  });
});
