"use client";
import { useTranslations } from "next-intl";
import type { needCompleteness } from "@/lib/needs/completeness";
import type { NeedDraftState } from "./use-need-draft";

type Completeness = ReturnType<typeof needCompleteness>;

/** The completeness score with advice, the autosave status, and similar results and needs. */
export function WizardSidebar({ locale, draft, completeness }: { locale: string; draft: NeedDraftState; completeness: Completeness }) {
  const t = useTranslations("wizard");
  const { saveState, suggestions } = draft;
  const status = !draft.isDraft
    ? null
    : saveState.kind === "saving"
      ? t("saving")
      : saveState.kind === "saved"
        ? t("saved", { time: saveState.at ?? "" })
        : saveState.kind === "failed"
          ? t("saveFailed")
          : draft.needId
            ? ""
            : t("notSaved");
  return (
    <aside className="space-y-4">
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="completeness-h">
        <h2 id="completeness-h" className="font-semibold">
          {t("completeness")}
        </h2>
        <p className="text-3xl font-bold text-brand-700" data-testid="completeness-score">
          {completeness.score}%
        </p>
        <div className="mt-1 h-2 rounded bg-slate-100">
          <div className="h-2 rounded bg-brand-600" style={{ width: `${completeness.score}%` }} />
        </div>
        {completeness.advice.length === 0 ? (
          <p className="mt-2 text-sm text-green-700">{t("allGood")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-700" data-testid="completeness-advice">
            {completeness.advice.slice(0, 5).map((a) => (
              <li key={a}>{t(`advice.${a}`)}</li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-xs text-slate-500" role="status" data-testid="autosave-status">
          {status}
        </p>
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="similar-h" data-testid="similar">
        <h2 id="similar-h" className="font-semibold">
          {t("similar")}
        </h2>
        <p className="text-xs text-slate-500">{t("similarHint")}</p>
        {(["similarResults", "similarNeeds"] as const).map((k) => (
          <div key={k} className="mt-3">
            <h3 className="text-sm font-medium">{t(k)}</h3>
            {!suggestions || suggestions[k].length === 0 ? (
              <p className="text-sm text-slate-500">{t("similarNone")}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {suggestions[k].map((h) => (
                  <li key={h.id}>
                    <a
                      href={`/${locale}/${k === "similarResults" ? "results" : "needs"}/${h.id}`}
                      target="_blank"
                      rel="noreferrer"
                      className="text-brand-700 hover:underline"
                    >
                      {h.title}
                    </a>
                    {h.trl ? <span className="text-slate-500"> · TRL {h.trl}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
    </aside>
  );
}
