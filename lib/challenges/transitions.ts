import type { ChallengeApplicationStatus, ChallengeMilestoneStatus, ChallengeStatus } from "@/lib/generated/prisma/enums";

// The three machines of a challenge (揭榜挂帅) as pure tables: which state may follow which and
// what a move needs. Services look moves up here and never encode the life cycle themselves; the
// one write point (apply-transition.ts) refuses anything `checkMove` refuses.

export type Machine = "challenge" | "application" | "milestone";
export type StateOf<M extends Machine> = M extends "challenge"
  ? ChallengeStatus
  : M extends "application"
    ? ChallengeApplicationStatus
    : ChallengeMilestoneStatus;

/**
 * Guards: facts a move needs that the table cannot see.
 * - `beforeDeadline`: the application deadline has not passed (withdrawing, publishing).
 * - `reason`: a written reason (cancel, not selected, milestone rejected).
 * - `award`: only the award service moves a challenge to AWARDED / an application to AWARDED.
 * - `allAccepted`: every milestone of every project is accepted (completion, 结题).
 */
export type Guard = "beforeDeadline" | "reason" | "award" | "allAccepted";

type Table<S extends string> = Record<S, readonly { to: S; guard?: Guard }[]>;

const CHALLENGE: Table<ChallengeStatus> = {
  DRAFT: [
    { to: "OPEN", guard: "beforeDeadline" },
    { to: "CANCELLED", guard: "reason" },
  ],
  // OPEN -> REVIEW when the deadline passes (scheduled job) or the sponsor closes the call early.
  OPEN: [{ to: "REVIEW" }, { to: "CANCELLED", guard: "reason" }],
  REVIEW: [
    { to: "AWARDED", guard: "award" },
    { to: "CANCELLED", guard: "reason" },
  ],
  AWARDED: [{ to: "COMPLETED", guard: "allAccepted" }],
  COMPLETED: [],
  CANCELLED: [],
};

const APPLICATION: Table<ChallengeApplicationStatus> = {
  SUBMITTED: [{ to: "WITHDRAWN", guard: "beforeDeadline" }, { to: "SHORTLISTED" }, { to: "AWARDED", guard: "award" }, { to: "NOT_SELECTED", guard: "reason" }],
  SHORTLISTED: [{ to: "SUBMITTED" }, { to: "AWARDED", guard: "award" }, { to: "NOT_SELECTED", guard: "reason" }],
  AWARDED: [],
  NOT_SELECTED: [],
  WITHDRAWN: [],
};

const MILESTONE: Table<ChallengeMilestoneStatus> = {
  PENDING: [{ to: "SUBMITTED" }],
  SUBMITTED: [{ to: "ACCEPTED" }, { to: "REJECTED", guard: "reason" }],
  // A rejected milestone is reworked and submitted again.
  REJECTED: [{ to: "SUBMITTED" }],
  ACCEPTED: [],
};

const TABLES = { challenge: CHALLENGE, application: APPLICATION, milestone: MILESTONE } as const;

export const CHALLENGE_STATES = Object.keys(CHALLENGE) as ChallengeStatus[];
export const APPLICATION_STATES = Object.keys(APPLICATION) as ChallengeApplicationStatus[];
export const MILESTONE_STATES = Object.keys(MILESTONE) as ChallengeMilestoneStatus[];

/** Challenges the public may see (listing, detail): published once. */
export const PUBLIC_CHALLENGE_STATES: readonly ChallengeStatus[] = ["OPEN", "REVIEW", "AWARDED", "COMPLETED"];
/** Applications still in the running (counted on the public page, scored by the panel). */
export const ACTIVE_APPLICATION_STATES: readonly ChallengeApplicationStatus[] = ["SUBMITTED", "SHORTLISTED", "AWARDED"];

export type MoveCheck = { ok: true; guard?: Guard } | { ok: false; reason: "terminal" | "same" | "notAllowed" };

export function checkMove<M extends Machine>(machine: M, from: StateOf<M>, to: StateOf<M>): MoveCheck {
  if (from === to) return { ok: false, reason: "same" };
  const table = TABLES[machine] as Table<string>;
  const moves = table[from] ?? [];
  if (moves.length === 0) return { ok: false, reason: "terminal" };
  const move = moves.find((m) => m.to === to);
  if (!move) return { ok: false, reason: "notAllowed" };
  return move.guard ? { ok: true, guard: move.guard } : { ok: true };
}

export function nextStates<M extends Machine>(machine: M, from: StateOf<M>): StateOf<M>[] {
  return ((TABLES[machine] as Table<string>)[from] ?? []).map((m) => m.to as StateOf<M>);
}

export function isTerminal<M extends Machine>(machine: M, state: StateOf<M>): boolean {
  return nextStates(machine, state).length === 0;
}
