"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import type { StepProps } from "./step-props";

/**
 * One of the wizard's questions: the draft's value `name`, asked with `wizard.q.<name>` and shown
 * with the worked example `wizard.q.<name>Example` (single line unless `rows` is given).
 */
export function Question({ draft, errorsOf, name, rows, hint }: StepProps & { name: string; rows?: number; hint?: string }) {
  const t = useTranslations("wizard");
  return (
    <Field
      name={name}
      value={draft.draft.values[name] ?? ""}
      onChange={(v) => draft.setValue(name, v)}
      errors={errorsOf(name)}
      label={t(`q.${name}`)}
      example={t(`q.${name}Example`)}
      exampleLabel={t("example")}
      hint={hint}
      multiline={rows !== undefined}
      rows={rows}
    />
  );
}
