"use client";
import { useTranslations } from "next-intl";
import { StateForm } from "@/components/form/state-form";
import { verifyOrganisationAction } from "./actions";

export function VerifyOrganisationForm({ locale, organisationId, code }: { locale: string; organisationId: string; code: string | null }) {
  const t = useTranslations("orgs");
  const inputId = `code-${organisationId}`;
  return (
    <StateForm action={verifyOrganisationAction.bind(null, locale)} label={t("verify")}>
      {(state, pending) => {
        const errors = [...(state.fields?.registrationCode ?? []), ...(state.fields?.organisationId ?? [])];
        return (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
            <input type="hidden" name="organisationId" value={organisationId} />
            <div className="min-w-0 flex-1">
              <label htmlFor={inputId} className="sr-only">
                {t("code")}
              </label>
              <input
                id={inputId}
                name="registrationCode"
                defaultValue={state.values?.registrationCode ?? code ?? ""}
                placeholder={t("code")}
                aria-invalid={errors.length ? true : undefined}
                aria-describedby={errors.length ? `${inputId}-error` : undefined}
                className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm aria-[invalid=true]:border-red-500"
              />
              {errors.length > 0 && (
                <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm text-red-600">
                  {errors.join("; ")}
                </p>
              )}
            </div>
            <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
              {t("verify")}
            </button>
          </div>
        );
      }}
    </StateForm>
  );
}
