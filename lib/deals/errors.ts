import type { DealState } from "@/lib/generated/prisma/enums";
import { AppError, conflict, type FieldIssues } from "@/lib/errors";
import type { TransitionCheck } from "./transitions";

// Errors the people running a deal must understand: which move was refused and why (errors.deal.*,
// worded in the reader's language at the edge).

const fieldKey = { terminal: "v.dealTerminal", same: "v.dealSame", notAllowed: "v.dealNotAllowed" } as const;

export function invalidTransition(from: DealState, to: DealState, reason: Extract<TransitionCheck, { ok: false }>["reason"]): AppError {
  return new AppError("VALIDATION", { key: `deal.${reason}`, params: { from, to }, fields: { to: [fieldKey[reason]] }, detail: { from, to, reason } });
}

export function guardFailed(guard: "bothAccepted" | "contract" | "reason"): AppError {
  const fields: FieldIssues = guard === "reason" ? { reason: ["v.reasonCode"] } : { to: [guard === "contract" ? "v.dealContract" : "v.dealBothAccepted"] };
  return new AppError("VALIDATION", { key: `deal.${guard}`, fields });
}

export function staleDeal(current: { state: DealState; version: number }): AppError {
  return conflict("deal.stale", { state: current.state }, current);
}

export const notYourTurn = (): AppError => conflict("deal.notYourTurn");
