"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { StateForm } from "@/components/form/state-form";
import { grantStaffRoleAction, revokeStaffRoleAction } from "./actions";

const button = "rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60";

export function GrantRoleForm({ locale, roles }: { locale: string; roles: string[] }) {
  const t = useTranslations("staff");
  return (
    <StateForm action={grantStaffRoleAction.bind(null, locale)} label={t("grantTitle")}>
      {(state, pending) => {
        const v = state.status === "error" ? (state.values ?? {}) : {};
        const f = state.fields ?? {};
        return (
          <>
            <div className="grid gap-x-4 sm:grid-cols-2">
              <Field name="email" type="email" label={t("email")} defaultValue={v.email} errors={f.email} required />
              <div className="mb-4">
                <label htmlFor="role" className="block text-sm font-medium">
                  {t("role")}
                </label>
                <select id="role" name="role" defaultValue={v.role ?? "BROKER"} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2">
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role${r}`)}
                    </option>
                  ))}
                </select>
                {f.role && (
                  <p className="mt-1 text-sm text-red-600" role="alert">
                    {f.role.join("; ")}
                  </p>
                )}
              </div>
            </div>
            <Field name="reason" label={t("reason")} defaultValue={v.reason} errors={f.reason} required />
            <fieldset className="mb-4 rounded border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium">{t("accreditation")}</legend>
              <p className="mb-2 text-xs text-slate-500">{t("accreditationHelp")}</p>
              <div className="grid gap-x-4 sm:grid-cols-3">
                <Field name="certificateNo" label={t("certificateNo")} defaultValue={v.certificateNo} errors={f.certificateNo} />
                <Field name="certificateIssuer" label={t("certificateIssuer")} defaultValue={v.certificateIssuer} errors={f.certificateIssuer} />
                <Field name="validUntil" type="date" label={t("validUntil")} defaultValue={v.validUntil} errors={f.validUntil} />
              </div>
            </fieldset>
            <button type="submit" disabled={pending} className={button}>
              {t("grant")}
            </button>
          </>
        );
      }}
    </StateForm>
  );
}

export function RevokeRoleForm({ locale, email }: { locale: string; email: string }) {
  const t = useTranslations("staff");
  return (
    <StateForm action={revokeStaffRoleAction.bind(null, locale)} label={t("revokeFor", { email })} className="flex flex-col gap-2 sm:flex-row sm:items-start">
      {(state, pending) => (
        <>
          <input type="hidden" name="email" value={email} />
          <label className="sr-only" htmlFor={`reason-${email}`}>
            {t("revokeReason")}
          </label>
          <input
            id={`reason-${email}`}
            name="reason"
            placeholder={t("revokeReason")}
            required
            aria-invalid={state.fields?.reason ? true : undefined}
            className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500"
          />
          <button type="submit" disabled={pending} className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
            {t("revoke")}
          </button>
        </>
      )}
    </StateForm>
  );
}
