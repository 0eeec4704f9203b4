"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { Question } from "./question";
import { bind, type StepProps } from "./step-props";

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

// Step 4: constraints, the technology readiness wanted, budget and deadline.
export function LimitsStep({ draft, errorsOf }: StepProps) {
  const t = useTranslations("wizard");
  const tNeed = useTranslations("need");
  const trlOptions = [{ value: "", label: t("trlNone") }, ...TRL_LEVELS.map((n) => ({ value: String(n), label: t(`trl.${n}`) }))];
  return (
    <>
      <Question draft={draft} errorsOf={errorsOf} name="constraints" rows={3} />
      <Field {...bind(draft, errorsOf, "trlTarget")} label={t("q.trlTarget")} hint={t("q.trlHint")} options={trlOptions} />
      <p className="text-sm font-medium">{t("q.budget")}</p>
      <p className="mb-1 text-sm text-slate-600">{t("q.budgetExample")}</p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field {...bind(draft, errorsOf, "budgetMinCny")} label={tNeed("budgetMin")} type="number" min={0} />
        <Field {...bind(draft, errorsOf, "budgetMaxCny")} label={tNeed("budgetMax")} type="number" min={0} />
      </div>
      <Field {...bind(draft, errorsOf, "deadline")} label={t("q.deadline")} type="date" />
    </>
  );
}
