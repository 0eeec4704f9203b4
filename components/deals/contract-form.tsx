"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { StateForm, type FormAction } from "@/components/form/state-form";
import { CONTRACT_MODES } from "@/lib/validation/enums";

// The contract record: type, value, registration number, signing date and up to three milestones.
export function ContractForm({ action, dealId, version }: { action: FormAction; dealId: string; version: number }) {
  const t = useTranslations("deal");
  return (
    <StateForm action={action} label={t("contractTitle")} className="space-y-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="dealId" value={dealId} />
          <input type="hidden" name="version" value={version} />
          <div className="mb-4">
            <label htmlFor="mode" className="block text-sm font-medium">
              {t("contractMode")}
            </label>
            <select
              id="mode"
              name="mode"
              defaultValue={state.values?.mode ?? "LICENCE"}
              className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
            >
              {CONTRACT_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`mode.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="valueCny"
            type="number"
            min={0}
            label={t("contractValue")}
            errors={state.fields?.valueCny}
            defaultValue={state.values?.valueCny}
            required
          />
          <Field
            name="contractRegistrationNo"
            label={t("contractRegNo")}
            errors={state.fields?.contractRegistrationNo}
            defaultValue={state.values?.contractRegistrationNo}
            required
          />
          <Field name="signedAt" type="date" label={t("contractSignedAt")} errors={state.fields?.signedAt} defaultValue={state.values?.signedAt} required />
          <fieldset className="rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{t("milestones")}</legend>
            {[0, 1, 2].map((i) => (
              <div key={i} className="grid grid-cols-4 gap-2">
                <Field name={`milestone${i}Title`} label={`${t("milestoneTitle")} ${i + 1}`} />
                <Field name={`milestone${i}Amount`} type="number" min={0} label={`${t("milestoneAmount")} ${i + 1}`} />
                <Field name={`milestone${i}Due`} type="date" label={`${t("milestoneDue")} ${i + 1}`} />
                <Field name={`milestone${i}Paid`} type="date" label={`${t("milestonePaid")} ${i + 1}`} />
              </div>
            ))}
            {state.fields && Object.keys(state.fields).some((k) => k.startsWith("milestones")) && (
              <p role="alert" className="text-sm text-red-600">
                {Object.entries(state.fields)
                  .filter(([k]) => k.startsWith("milestones"))
                  .map(([k, v]) => `${k}: ${v.join("; ")}`)
                  .join(" · ")}
              </p>
            )}
          </fieldset>
          <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
            {t("recordContract")}
          </button>
        </>
      )}
    </StateForm>
  );
}
