"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import type { FormState } from "@/lib/forms/form-state";
import { saveExpertiseAction } from "./actions";

export function ExpertiseForm({ locale, initial }: { locale: string; initial: Record<string, string> }) {
  const t = useTranslations("expertise");
  const tf = useTranslations("form");
  const [state, action, pending] = useActionState(saveExpertiseAction.bind(null, locale), { status: "idle", values: initial } as FormState);
  const v = state.values ?? initial;
  const f = state.fields ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field name="fields" label={t("fields")} hint={t("listHint")} defaultValue={v.fields} errors={f.fields} multiline rows={2} />
      <Field name="methods" label={t("methods")} hint={t("listHint")} defaultValue={v.methods} errors={f.methods} multiline rows={3} />
      <Field name="equipment" label={t("equipment")} hint={t("listHint")} defaultValue={v.equipment} errors={f.equipment} multiline rows={3} />
      <Field name="pastProjects" label={t("pastProjects")} hint={t("pastProjectsHint")} defaultValue={v.pastProjects} errors={f.pastProjects} multiline />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60">{pending ? tf("saving") : t("save")}</button>
    </form>
  );
}
