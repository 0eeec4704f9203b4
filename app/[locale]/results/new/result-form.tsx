"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { createResultAction } from "./actions";

export function ResultForm({ locale }: { locale: string }) {
  const t = useTranslations("result");
  const tf = useTranslations("form");
  const tn = useTranslations("need");
  const [state, action, pending] = useActionState(createResultAction.bind(null, locale), idleState);
  const v = state.values ?? {};
  const f = state.fields ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <Field name="title" label={t("title")} defaultValue={v.title} errors={f.title} required />
      <Field name="summary" label={t("summary")} defaultValue={v.summary} errors={f.summary} multiline rows={4} required />
      <Field name="description" label={t("description")} defaultValue={v.description} errors={f.description} multiline />
      <Field name="field" label={t("field")} hint={tn("fieldHint")} defaultValue={v.field} errors={f.field} required />
      <Field name="keywords" label={t("keywords")} hint={tn("keywordsHint")} defaultValue={v.keywords} errors={f.keywords} />
      <Field name="trl" type="number" min={1} max={9} label={t("trl")} defaultValue={v.trl} errors={f.trl} />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? tf("saving") : t("submit")}
      </button>
    </form>
  );
}
