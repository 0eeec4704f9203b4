import type { DealState } from "@/lib/generated/prisma/enums";

// The deal pipeline as a pure table: which state may follow which, and what a move needs.
// Services look moves up here and never encode the pipeline themselves.

export const DEAL_STATES = [
  "SUGGESTED",
  "INTRODUCED",
  "NDA_SIGNED",
  "NEGOTIATING",
  "CONTRACT_SIGNED",
  "IN_DELIVERY",
  "COMPLETED",
  "DECLINED",
  "STALLED",
] as const satisfies readonly DealState[];

/** The main line, in order; used for conversion per stage. */
export const PIPELINE: readonly DealState[] = ["SUGGESTED", "INTRODUCED", "NDA_SIGNED", "NEGOTIATING", "CONTRACT_SIGNED", "IN_DELIVERY", "COMPLETED"];

export const DECLINE_REASONS = ["NOT_RELEVANT", "TRL_MISMATCH", "BUDGET", "TIMING", "IP_TERMS", "NO_CAPACITY", "OTHER"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const TERMINAL: readonly DealState[] = ["COMPLETED", "DECLINED"];

// SUGGESTED -> INTRODUCED happens only when both sides accept (respondToIntroduction);
// -> CONTRACT_SIGNED only with a contract record (recordContract). Both are "guarded".
const NEXT: Record<DealState, readonly DealState[]> = {
  SUGGESTED: ["INTRODUCED", "DECLINED", "STALLED"],
  INTRODUCED: ["NDA_SIGNED", "DECLINED", "STALLED"],
  NDA_SIGNED: ["NEGOTIATING", "DECLINED", "STALLED"],
  NEGOTIATING: ["CONTRACT_SIGNED", "DECLINED", "STALLED"],
  CONTRACT_SIGNED: ["IN_DELIVERY", "STALLED"],
  IN_DELIVERY: ["COMPLETED", "STALLED"],
  COMPLETED: [],
  DECLINED: [],
  // A stalled deal resumes where it stopped (see `resumeTo`) or is declined.
  STALLED: ["DECLINED"],
};

export type Guard = "bothAccepted" | "contract" | "reason";
const GUARDS: Partial<Record<DealState, Guard>> = { INTRODUCED: "bothAccepted", CONTRACT_SIGNED: "contract", DECLINED: "reason" };

export type TransitionCheck = { ok: true; guard?: Guard } | { ok: false; reason: "terminal" | "same" | "notAllowed" };

/**
 * May a deal in `from` move to `to`? `resumeTo` is the state a STALLED deal was in before it
 * stalled (the only state it may return to besides DECLINED).
 */
export function checkTransition(from: DealState, to: DealState, resumeTo?: DealState | null): TransitionCheck {
  if (from === to) return { ok: false, reason: "same" };
  if (TERMINAL.includes(from)) return { ok: false, reason: "terminal" };
  const allowed = nextStates(from, resumeTo);
  if (!allowed.includes(to)) return { ok: false, reason: "notAllowed" };
  const guard = from === "STALLED" && to === resumeTo ? undefined : GUARDS[to];
  return guard ? { ok: true, guard } : { ok: true };
}

export function nextStates(from: DealState, resumeTo?: DealState | null): DealState[] {
  const base = [...NEXT[from]];
  if (from === "STALLED" && resumeTo && resumeTo !== "STALLED" && !TERMINAL.includes(resumeTo)) base.unshift(resumeTo);
  return base;
}

/** Moves a broker makes with a plain button: every allowed move without a guard the button cannot meet. */
export function manualMoves(from: DealState, resumeTo?: DealState | null): DealState[] {
  return nextStates(from, resumeTo).filter((to) => {
    const check = checkTransition(from, to, resumeTo);
    return check.ok && check.guard === undefined;
  });
}

/** The state a stalled deal resumes to: the `from` of the latest move into STALLED. */
export function stalledFrom(events: readonly { fromState: DealState | null; toState: DealState }[]): DealState | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.toState === "STALLED") return e.fromState;
  }
  return null;
}

/** Index on the main line (-1 for DECLINED / STALLED). */
export function pipelineIndex(state: DealState): number {
  return PIPELINE.indexOf(state);
}
