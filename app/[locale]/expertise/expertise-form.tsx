"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { saveExpertiseAction } from "./actions";

type Initial = { fields: string; methods: string; equipment: string; pastProjects: string };

export function ExpertiseForm({ locale, initial }: { locale: string; initial: Initial }) {
  const t = useTranslations("expertise");
  const [state, action, pending] = useActionState(saveExpertiseAction.bind(null, locale), idleState);
  const v = state.values ?? initial;
  const errors = (name: string) =>
    Object.entries(state.fields ?? {})
      .filter(([k]) => k === name || k.startsWith(`${name}.`))
      .flatMap(([, e]) => e);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : state.status === "success" ? t("saved") : undefined} />
      <Field name="fields" label={t("fields")} hint={t("listHint")} defaultValue={v.fields} errors={errors("fields")} />
      <Field name="methods" label={t("methods")} hint={t("listHint")} defaultValue={v.methods} errors={errors("methods")} />
      <Field name="equipment" label={t("equipment")} hint={t("listHint")} defaultValue={v.equipment} errors={errors("equipment")} />
      <Field name="pastProjects" label={t("pastProjects")} defaultValue={v.pastProjects} errors={errors("pastProjects")} multiline rows={4} />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
