"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { OPTIONAL_TEASER_FIELDS } from "@/lib/needs/teaser-fields";
import { VISIBILITIES } from "@/lib/validation/enums";
import { updateNeedAction } from "../../[id]/edit/actions";
import { createNeedAction } from "./actions";

// Posting a need, and editing one (`needId` with the stored values as `initial`).
export function NeedForm({ locale, needId, initial }: { locale: string; needId?: string; initial?: Record<string, string> }) {
  const t = useTranslations("need");
  const ta = useTranslations("access");
  const tf = useTranslations("form");
  const bound = needId ? updateNeedAction.bind(null, locale) : createNeedAction.bind(null, locale);
  const [state, action, pending] = useActionState(bound, idleState);
  const v = state.values ?? initial ?? {};
  const f = state.fields ?? {};
  const [visibility, setVisibility] = useState(v.visibility || "PUBLIC");
  const teaserFields = new Set((v.teaserFields ?? "").split(",").filter(Boolean));
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      {needId && <input type="hidden" name="needId" value={needId} />}
      {/* The teaser fields are a complete set: none checked (or the panel hidden) means none. */}
      <input type="hidden" name="teaserFields" value="" />
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
        {f.visibility && (
          <p className="mt-1 text-sm text-red-600" role="alert">
            {f.visibility.join("; ")}
          </p>
        )}
      </fieldset>
      {(visibility === "CONFIDENTIAL" || f.teaser) && (
        <div className="mb-4 rounded border border-amber-200 bg-amber-50 p-4" data-testid="confidential-settings">
          <Field name="teaser" label={t("teaser")} hint={t("teaserHint")} defaultValue={v.teaser} errors={f.teaser} multiline rows={3} />
          <fieldset className="mb-4">
            <legend className="text-sm font-medium">{ta("teaserFields")}</legend>
            <p className="text-xs text-slate-500">{ta("teaserFieldsHint")}</p>
            {OPTIONAL_TEASER_FIELDS.map((name) => (
              <label key={name} className="mr-4 inline-flex items-center gap-1">
                <input type="checkbox" name="teaserFields" value={name} defaultChecked={teaserFields.has(name)} /> {ta(`teaserField.${name}`)}
              </label>
            ))}
          </fieldset>
          <Field
            name="accessDays"
            type="number"
            min={1}
            max={730}
            label={ta("accessDays")}
            hint={ta("accessDaysHint")}
            defaultValue={v.accessDays || "90"}
            errors={f.accessDays}
          />
          <Field name="ndaText" label={ta("ndaText")} hint={ta("ndaTextHint")} defaultValue={v.ndaText} errors={f.ndaText} multiline rows={5} />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="trlTarget" type="number" min={1} max={9} label={t("trlTarget")} defaultValue={v.trlTarget} errors={f.trlTarget} />
        <Field name="budgetMinCny" type="number" min={0} label={t("budgetMin")} defaultValue={v.budgetMinCny} errors={f.budgetMinCny} />
        <Field name="budgetMaxCny" type="number" min={0} label={t("budgetMax")} defaultValue={v.budgetMaxCny} errors={f.budgetMaxCny} />
      </div>
      <Field name="region" label={t("region")} defaultValue={v.region} errors={f.region} />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? tf("saving") : needId ? ta("saveNeed") : t("submit")}
      </button>
    </form>
  );
}
