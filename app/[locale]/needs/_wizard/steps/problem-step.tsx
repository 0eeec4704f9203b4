"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { bind, type StepProps } from "./step-props";

// Step 1: the problem. The title is public even for a confidential need (chosen in step 5): said here.
export function ProblemStep({ draft, errorsOf }: StepProps) {
  const t = useTranslations("wizard");
  return (
    <>
      <Field {...bind(draft, errorsOf, "title")} label={t("q.title")} example={t("q.titleExample")} exampleLabel={t("example")} hint={t("q.titlePublic")} />
      <Field
        {...bind(draft, errorsOf, "description")}
        label={t("q.description")}
        example={t("q.descriptionExample")}
        exampleLabel={t("example")}
        multiline
        rows={7}
      />
    </>
  );
}
