"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { StateForm, type FormAction } from "@/components/form/state-form";

export function OutcomeForm({ action, dealId, followUpId, months }: { action: FormAction; dealId: string; followUpId: string; months: number }) {
  const t = useTranslations("deal");
  return (
    <StateForm action={action} label={t("followUpMonths", { months })} className="mt-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="dealId" value={dealId} />
          <input type="hidden" name="followUpId" value={followUpId} />
          <fieldset className="mb-3">
            <legend className="text-sm font-medium">{t("productLaunched")}</legend>
            <label className="mr-4">
              <input type="radio" name="productLaunched" value="yes" defaultChecked /> {t("yes")}
            </label>
            <label>
              <input type="radio" name="productLaunched" value="no" /> {t("no")}
            </label>
          </fieldset>
          <Field name="revenueCny" type="number" min={0} label={t("revenue")} errors={state.fields?.revenueCny} />
          <Field name="patentsFiled" type="number" min={0} label={t("patentsFiled")} errors={state.fields?.patentsFiled} />
          <Field name="jobsCreated" type="number" min={0} label={t("jobsCreated")} errors={state.fields?.jobsCreated} />
          <Field name="notes" label={t("outcomeNotes")} multiline rows={2} errors={state.fields?.notes} />
          <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-white">
            {t("recordOutcome")}
          </button>
        </>
      )}
    </StateForm>
  );
}
