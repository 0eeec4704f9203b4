"use client";
import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { needCompleteness } from "@/lib/needs/completeness";
import type { TaxonomyChainView } from "@/lib/taxonomy/list-taxonomy";
import { saveNeedChangesAction, transitionNeedAction } from "./actions";
import { STEP_FIELDS, STEPS } from "./steps";
import { CollaborationStep } from "./steps/collaboration-step";
import { LimitsStep } from "./steps/limits-step";
import { OutcomeStep } from "./steps/outcome-step";
import { ProblemStep } from "./steps/problem-step";
import { ReviewStep, type ReviewAction } from "./steps/review-step";
import { TagsStep } from "./steps/tags-step";
import { TriedStep } from "./steps/tried-step";
import { useNeedDraft, type WizardInitial } from "./use-need-draft";
import { WizardSidebar } from "./wizard-sidebar";

export type { WizardInitial };

/**
 * The guided need wizard: one question set per step, autosaved as a draft. Companies publish
 * (or submit for a broker's review); a broker drafts for a company after a visit (`visitId`);
 * a published need is edited and saved with the full rules.
 */
export function NeedWizard({
  locale,
  initial,
  taxonomy,
  mode,
  visitId,
  maxMb,
  brokerDrafted = false,
}: {
  locale: string;
  brokerDrafted?: boolean;
  initial: WizardInitial;
  taxonomy: TaxonomyChainView[];
  mode: "company" | "broker";
  visitId?: string;
  maxMb: number;
}) {
  const t = useTranslations("wizard");
  const draft = useNeedDraft({ locale, initial, visitId });
  const [step, setStep] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nodeName = useMemo(() => {
    const names = new Map<string, string>();
    for (const c of taxonomy) for (const n of c.nodes) names.set(n.id, `${locale === "en" ? c.nameEn : c.nameZh} · ${locale === "en" ? n.nameEn : n.nameZh}`);
    return names;
  }, [taxonomy, locale]);
  const { values, keywords, collaborationModes } = draft.draft;
  const completeness = needCompleteness({ ...values, keywords, collaborationModes });
  const errorsOf = (name: string) => draft.fields[name] ?? Object.entries(draft.fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const stepHasError = (i: number) => STEP_FIELDS[STEPS[i]!].some((f) => errorsOf(f));
  const current = STEPS[step]!;

  function goTo(next: number) {
    setStep(Math.max(0, Math.min(STEPS.length - 1, next)));
    void draft.flush();
  }

  function run(action: ReviewAction) {
    setMessage(null);
    startTransition(async () => {
      if (action === "brokerSave") return void (await draft.save());
      const out =
        action === "saveChanges"
          ? await saveNeedChangesAction(locale, null, { ...values, keywords, collaborationModes, needId: draft.needId })
          : await (async () => {
              const needId = (await draft.flush()) ?? (await draft.save());
              return needId ? transitionNeedAction(locale, null, { needId, action }) : null;
            })();
      // Success moves on to the need's page; a refusal shows why.
      if (out?.status === "error") {
        draft.showErrors(out.fields ?? {});
        setMessage(out.message ?? t("publishErrors"));
      }
    });
  }

  const stepProps = { draft, errorsOf };
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <ol className="mb-6 flex flex-wrap gap-2 text-xs" aria-label={t("step", { n: step + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                onClick={() => goTo(i)}
                aria-current={i === step ? "step" : undefined}
                className={`rounded-full px-3 py-1 ${i === step ? "bg-brand-600 text-white" : stepHasError(i) ? "bg-red-100 text-red-700" : "bg-slate-100 text-slate-700"}`}
              >
                {i + 1}. {t(`steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
        {/* On a phone the sidebar is below the form: the step and its score stick to the top of the
            screen, so the score stays in sight while typing (and moves as the answers fill in). */}
        <div className="sticky top-0 z-10 -mx-4 mb-4 flex items-baseline justify-between gap-4 border-b border-slate-100 bg-white/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6 lg:static lg:mx-0 lg:border-0 lg:bg-transparent lg:p-0">
          <h2 className="text-xl font-semibold">{t(`steps.${current}`)}</h2>
          <p className="shrink-0 text-sm text-brand-700 lg:hidden" data-testid="completeness-inline">
            {t("completeness")} <span data-testid="completeness-inline-score">{completeness.score}%</span>
          </p>
        </div>

        {current === "problem" && <ProblemStep {...stepProps} />}
        {current === "tried" && <TriedStep {...stepProps} />}
        {current === "outcome" && <OutcomeStep {...stepProps} />}
        {current === "limits" && <LimitsStep {...stepProps} />}
        {current === "collaboration" && <CollaborationStep {...stepProps} />}
        {current === "tags" && (
          <TagsStep
            {...stepProps}
            locale={locale}
            taxonomy={taxonomy}
            nodeName={nodeName}
            attachments={mode === "company" ? initial.attachments : null}
            maxMb={maxMb}
          />
        )}
        {current === "review" && (
          <ReviewStep
            draft={draft}
            teaserFields={initial.teaserFields}
            nodeName={nodeName}
            mode={mode}
            status={initial.status}
            brokerDrafted={brokerDrafted}
            pending={pending}
            message={message}
            fields={draft.fields}
            onAction={run}
          />
        )}

        <div className="mt-6 flex justify-between">
          <button type="button" onClick={() => goTo(step - 1)} disabled={step === 0} className="rounded border px-4 py-2 disabled:opacity-40">
            {t("back")}
          </button>
          {step < STEPS.length - 1 && (
            <button type="button" onClick={() => goTo(step + 1)} className="rounded bg-slate-800 px-4 py-2 text-white">
              {t("next")}
            </button>
          )}
        </div>
      </div>
      <WizardSidebar locale={locale} draft={draft} completeness={completeness} />
    </div>
  );
}
