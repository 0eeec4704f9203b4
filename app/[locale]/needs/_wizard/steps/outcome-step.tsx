"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { bind, type StepProps } from "./step-props";

// Step 3: the outcome wanted and how to tell that it was reached.
export function OutcomeStep({ draft, errorsOf }: StepProps) {
  const t = useTranslations("wizard");
  return (
    <>
      <Field
        {...bind(draft, errorsOf, "desiredOutcome")}
        label={t("q.desiredOutcome")}
        example={t("q.desiredOutcomeExample")}
        exampleLabel={t("example")}
        multiline
        rows={4}
      />
      <Field
        {...bind(draft, errorsOf, "acceptanceCriteria")}
        label={t("q.acceptanceCriteria")}
        example={t("q.acceptanceCriteriaExample")}
        exampleLabel={t("example")}
        multiline
        rows={4}
      />
    </>
  );
}
