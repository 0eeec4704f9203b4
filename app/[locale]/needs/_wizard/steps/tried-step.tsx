"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { bind, type StepProps } from "./step-props";

// Step 2: what was tried and why it was not enough.
export function TriedStep({ draft, errorsOf }: StepProps) {
  const t = useTranslations("wizard");
  return (
    <Field
      {...bind(draft, errorsOf, "triedSoFar")}
      label={t("q.triedSoFar")}
      example={t("q.triedSoFarExample")}
      exampleLabel={t("example")}
      multiline
      rows={5}
    />
  );
}
