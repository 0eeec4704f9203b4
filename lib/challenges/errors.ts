import { AppError } from "@/lib/errors";
import type { Guard, Machine, MoveCheck } from "./transitions";

// Errors of the challenge machines, as message keys (messages/<locale>/errors.json "challenges.*")
// worded at the edge. Illegal moves and stale versions are 409s: the request was understood, the
// row is not in a state that allows it.

export function illegalMove(machine: Machine, from: string, to: string, reason: Extract<MoveCheck, { ok: false }>["reason"]): AppError {
  return new AppError("CONFLICT", { key: `challenges.move.${reason}`, params: { machine, from, to }, detail: { machine, from, to, reason } });
}

export function staleVersion(machine: Machine, current: { status: string; version: number }): AppError {
  return new AppError("CONFLICT", {
    key: "challenges.staleVersion",
    params: { machine, status: current.status, version: current.version },
    detail: { machine, ...current },
  });
}

// Field errors would need words of their own; the message (worded at the edge) names the field.
export function guardFailed(guard: Guard, field = "to"): AppError {
  return new AppError(guard === "reason" ? "VALIDATION" : "CONFLICT", { key: `challenges.guard.${guard}`, detail: { field } });
}

export function challengeConflict(key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError("CONFLICT", { key: `challenges.${key}`, params });
}

export function challengeInvalid(key: string, field: string): AppError {
  return new AppError("VALIDATION", { key: `challenges.${key}`, detail: { field } });
}
