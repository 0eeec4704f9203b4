"use client";
import { useTranslations } from "next-intl";
import { Question } from "./question";
import type { StepProps } from "./step-props";

// Step 1: the problem. The title is public even for a confidential need (chosen in step 5): said here.
export function ProblemStep(props: StepProps) {
  const t = useTranslations("wizard");
  return (
    <>
      <Question {...props} name="title" hint={t("q.titlePublic")} />
      <Question {...props} name="description" rows={7} />
    </>
  );
}
