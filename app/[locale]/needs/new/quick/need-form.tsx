"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { createNeedAction } from "./actions";

const VISIBILITIES = ["PUBLIC", "ANONYMOUS", "CONFIDENTIAL", "BROKER_ONLY"] as const;

export function NeedForm({ locale }: { locale: string }) {
  const t = useTranslations("need");
  const tf = useTranslations("form");
  const [state, action, pending] = useActionState(createNeedAction.bind(null, locale), idleState);
  const v = state.values ?? {};
  const f = state.fields ?? {};
  const [visibility, setVisibility] = useState(v.visibility ?? "PUBLIC");
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <Field name="title" label={t("title")} hint={t("titleHint")} defaultValue={v.title} errors={f.title} required />
      <Field name="description" label={t("description")} hint={t("descriptionHint")} defaultValue={v.description} errors={f.description} multiline required />
      <Field name="field" label={t("field")} hint={t("fieldHint")} defaultValue={v.field} errors={f.field} required />
      <Field name="keywords" label={t("keywords")} hint={t("keywordsHint")} defaultValue={v.keywords} errors={f.keywords} />
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("visibility")}</legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} /> {t(value)}
          </label>
        ))}
      </fieldset>
      {(visibility === "CONFIDENTIAL" || f.teaser) && (
        <Field name="teaser" label={t("teaser")} hint={t("teaserHint")} defaultValue={v.teaser} errors={f.teaser} multiline rows={3} />
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="trlTarget" type="number" min={1} max={9} label={t("trlTarget")} defaultValue={v.trlTarget} errors={f.trlTarget} />
        <Field name="budgetMinCny" type="number" min={0} label={t("budgetMin")} defaultValue={v.budgetMinCny} errors={f.budgetMinCny} />
        <Field name="budgetMaxCny" type="number" min={0} label={t("budgetMax")} defaultValue={v.budgetMaxCny} errors={f.budgetMaxCny} />
      </div>
      <Field name="region" label={t("region")} defaultValue={v.region} errors={f.region} />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? tf("saving") : t("submit")}
      </button>
    </form>
  );
}
