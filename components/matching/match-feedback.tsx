"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { idleState } from "@/lib/forms/form-state";
import { FEEDBACK_REASONS } from "@/lib/feedback/schemas";
import { matchFeedbackAction } from "./feedback-actions";

export type Verdict = { useful: boolean; reason: string | null } | null;

// Useful / not useful (with a reason code) on one need-result match; changing one's mind is allowed.
export function MatchFeedback({ locale, needId, resultId, verdict }: { locale: string; needId: string; resultId: string; verdict: Verdict }) {
  const t = useTranslations("feedback");
  const [state, action, pending] = useActionState(matchFeedbackAction.bind(null, locale), idleState);
  const [notUseful, setNotUseful] = useState(false);
  const current: Verdict =
    state.status === "success" && state.values ? { useful: state.values.useful === "yes", reason: state.values.reason || null } : verdict;
  return (
    <form action={action} className="mt-2 flex flex-wrap items-center gap-2 text-xs" data-testid={`feedback-${needId}-${resultId}`}>
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="resultId" value={resultId} />
      {current && (
        <span className="text-slate-500" role="status">
          {current.useful
            ? t("yourVerdictUseful")
            : `${t("yourVerdictNotUseful")}${current.reason ? ` (${t(current.reason as (typeof FEEDBACK_REASONS)[number])})` : ""}`}
        </span>
      )}
      <button
        type="submit"
        name="useful"
        value="yes"
        disabled={pending}
        className="rounded border border-green-600 px-2 py-0.5 text-green-700 hover:bg-green-50"
      >
        {t("useful")}
      </button>
      {notUseful ? (
        <>
          <label className="sr-only" htmlFor={`reason-${needId}-${resultId}`}>
            {t("reason")}
          </label>
          <select
            id={`reason-${needId}-${resultId}`}
            name="reason"
            defaultValue=""
            className="rounded border border-slate-300 px-1 py-0.5"
            aria-invalid={state.fields?.reason ? true : undefined}
          >
            <option value="">{t("chooseReason")}</option>
            {FEEDBACK_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(r)}
              </option>
            ))}
          </select>
          <button type="submit" name="useful" value="no" disabled={pending} className="rounded border border-red-600 px-2 py-0.5 text-red-700 hover:bg-red-50">
            {t("send")}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setNotUseful(true)} className="rounded border border-slate-400 px-2 py-0.5 text-slate-700 hover:bg-slate-50">
          {t("notUseful")}
        </button>
      )}
      {state.status === "error" && (
        <span role="alert" className="text-red-600">
          {state.fields?.reason?.join("; ") ?? state.message}
        </span>
      )}
    </form>
  );
}
