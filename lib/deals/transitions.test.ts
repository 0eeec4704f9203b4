import { describe, expect, it } from "vitest";
import { checkTransition, DEAL_STATES, manualMoves, nextStates, pipelineIndex, stalledFrom } from "./transitions";

describe("deal transition table", () => {
  it("accepts exactly the main line, decline and stall", () => {
    const allowed = DEAL_STATES.flatMap((from) => DEAL_STATES.filter((to) => checkTransition(from, to).ok).map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(
      [
        "SUGGESTED->INTRODUCED",
        "SUGGESTED->DECLINED",
        "SUGGESTED->STALLED",
        "INTRODUCED->NDA_SIGNED",
        "INTRODUCED->DECLINED",
        "INTRODUCED->STALLED",
        "NDA_SIGNED->NEGOTIATING",
        "NDA_SIGNED->DECLINED",
        "NDA_SIGNED->STALLED",
        "NEGOTIATING->CONTRACT_SIGNED",
        "NEGOTIATING->DECLINED",
        "NEGOTIATING->STALLED",
        "CONTRACT_SIGNED->IN_DELIVERY",
        "CONTRACT_SIGNED->STALLED",
        "IN_DELIVERY->COMPLETED",
        "IN_DELIVERY->STALLED",
        "STALLED->DECLINED",
      ].sort(),
    );
  });

  it("rejects skipping stages, going back and leaving terminal states", () => {
    expect(checkTransition("INTRODUCED", "CONTRACT_SIGNED")).toEqual({ ok: false, reason: "notAllowed" });
    expect(checkTransition("NEGOTIATING", "NDA_SIGNED")).toEqual({ ok: false, reason: "notAllowed" });
    expect(checkTransition("COMPLETED", "STALLED")).toEqual({ ok: false, reason: "terminal" });
    expect(checkTransition("DECLINED", "INTRODUCED")).toEqual({ ok: false, reason: "terminal" });
    expect(checkTransition("NDA_SIGNED", "NDA_SIGNED")).toEqual({ ok: false, reason: "same" });
  });

  it("guards introduction, contract and decline", () => {
    expect(checkTransition("SUGGESTED", "INTRODUCED")).toEqual({ ok: true, guard: "bothAccepted" });
    expect(checkTransition("NEGOTIATING", "CONTRACT_SIGNED")).toEqual({ ok: true, guard: "contract" });
    expect(checkTransition("NDA_SIGNED", "DECLINED")).toEqual({ ok: true, guard: "reason" });
    expect(checkTransition("INTRODUCED", "NDA_SIGNED")).toEqual({ ok: true });
  });

  it("lets a stalled deal resume only where it stopped", () => {
    expect(nextStates("STALLED", "NEGOTIATING")).toEqual(["NEGOTIATING", "DECLINED"]);
    expect(checkTransition("STALLED", "NEGOTIATING", "NEGOTIATING")).toEqual({ ok: true });
    expect(checkTransition("STALLED", "CONTRACT_SIGNED", "CONTRACT_SIGNED")).toEqual({ ok: true });
    expect(checkTransition("STALLED", "IN_DELIVERY", "NEGOTIATING").ok).toBe(false);
    expect(nextStates("STALLED", null)).toEqual(["DECLINED"]);
  });

  it("offers manual moves without guards", () => {
    expect(manualMoves("INTRODUCED")).toEqual(["NDA_SIGNED", "STALLED"]);
    expect(manualMoves("NEGOTIATING")).toEqual(["STALLED"]);
    expect(manualMoves("SUGGESTED")).toEqual(["STALLED"]);
    expect(manualMoves("STALLED", "SUGGESTED")).toEqual(["SUGGESTED"]);
  });

  it("finds the state a deal stalled from", () => {
    const events = [
      { fromState: null, toState: "SUGGESTED" as const },
      { fromState: "SUGGESTED" as const, toState: "INTRODUCED" as const },
      { fromState: "INTRODUCED" as const, toState: "STALLED" as const },
    ];
    expect(stalledFrom(events)).toBe("INTRODUCED");
    expect(stalledFrom(events.slice(0, 2))).toBeNull();
    expect(pipelineIndex("NDA_SIGNED")).toBe(2);
    expect(pipelineIndex("DECLINED")).toBe(-1);
  });
});
