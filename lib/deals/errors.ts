import type { DealState } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { UiLocale } from "@/lib/validation/parse-input";
import { stateLabel } from "./labels";
import type { TransitionCheck } from "./transitions";

// Errors the people running a deal must understand: which move was refused and why, in their language.

export function invalidTransition(from: DealState, to: DealState, reason: Extract<TransitionCheck, { ok: false }>["reason"], locale: UiLocale): AppError {
  const f = stateLabel(from, locale);
  const t = stateLabel(to, locale);
  const zh = { terminal: `交易已「${f}」，不能再变更为「${t}」`, same: `交易已处于「${t}」`, notAllowed: `不允许的状态变更：不能从「${f}」变为「${t}」` };
  const en = {
    terminal: `The deal is ${f.toLowerCase()} and cannot move to “${t}”`,
    same: `The deal is already “${t}”`,
    notAllowed: `Invalid transition: a deal cannot move from “${f}” to “${t}”`,
  };
  return new AppError("VALIDATION", (locale === "en" ? en : zh)[reason], {
    fields: { to: [(locale === "en" ? en : zh)[reason]] },
    detail: { from, to, reason },
  });
}

export function guardFailed(guard: "bothAccepted" | "contract" | "reason", locale: UiLocale): AppError {
  const zh = { bothAccepted: "双方都接受引荐后才算引荐成功", contract: "请填写合同信息（类型、金额、登记号）来标记已签合同", reason: "婉拒时请选择原因" };
  const en = {
    bothAccepted: "An introduction is made only once both sides accept it",
    contract: "Record the contract (type, value, registration number) to mark it signed",
    reason: "Choose a reason when declining",
  };
  const message = (locale === "en" ? en : zh)[guard];
  return new AppError("VALIDATION", message, { fields: { [guard === "reason" ? "reason" : "to"]: [message] } });
}

export function staleDeal(current: { state: DealState; version: number }, locale: UiLocale): AppError {
  const s = stateLabel(current.state, locale);
  const message =
    locale === "en"
      ? `Someone else updated this deal while you were editing (it is now “${s}”, version ${current.version}). Your change was not saved: reload and try again.`
      : `在您编辑期间，此交易已被他人更新（当前状态「${s}」，版本 ${current.version}）。您的修改未保存，请刷新后重试。`;
  return new AppError("CONFLICT", message, { detail: current });
}

export function notYourTurn(locale: UiLocale): AppError {
  return new AppError("CONFLICT", locale === "en" ? "This introduction no longer waits for an answer" : "此引荐已不再等待答复");
}
