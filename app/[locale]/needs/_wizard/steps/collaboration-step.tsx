"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { COLLABORATION_MODES, VISIBILITIES } from "@/lib/validation/enums";
import { Question } from "./question";
import { bind, type StepProps } from "./step-props";

// Step 5: how to work together, where, and who sees the need (a confidential one needs a teaser).
export function CollaborationStep({ draft, errorsOf }: StepProps) {
  const t = useTranslations("wizard");
  const tNeed = useTranslations("need");
  const { values, collaborationModes } = draft.draft;
  const visibility = values.visibility ?? "PUBLIC";
  return (
    <>
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("q.modes")}</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {COLLABORATION_MODES.map((m) => (
            <label key={m} className="inline-flex items-center gap-2">
              <input type="checkbox" checked={collaborationModes.includes(m)} onChange={() => draft.toggleMode(m)} /> {t(`modes.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Question draft={draft} errorsOf={errorsOf} name="region" />
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("q.visibility")}</legend>
        {VISIBILITIES.map((v) => (
          <label key={v} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="visibility" checked={visibility === v} onChange={() => draft.setValue("visibility", v)} /> {tNeed(v)}
          </label>
        ))}
      </fieldset>
      {(visibility === "CONFIDENTIAL" || errorsOf("teaser")) && (
        <div className="mb-4 rounded border border-amber-200 bg-amber-50 p-4" data-testid="confidential-settings">
          <p className="mb-3 text-sm text-amber-900">{t("confidentialTitleNote")}</p>
          <Field {...bind(draft, errorsOf, "teaser")} label={tNeed("teaser")} hint={tNeed("teaserHint")} multiline rows={3} />
        </div>
      )}
    </>
  );
}
