"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { inviteMemberAction } from "./invite-actions";

export function InviteForm({ locale, roles }: { locale: string; roles: { value: string; label: string }[] }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(inviteMemberAction.bind(null, locale), idleState);
  return (
    <form action={action} noValidate>
      <FormMessage
        status={state.status}
        message={state.status === "error" ? state.message : state.status === "success" ? t("invited", { email: state.data?.email ?? "" }) : undefined}
      />
      <Field name="email" type="email" label={t("inviteEmail")} errors={state.fields?.email} defaultValue={state.values?.email} required />
      <div className="mb-4">
        <label htmlFor="invite-role" className="block text-sm font-medium">
          {t("inviteRole")}
        </label>
        <select
          id="invite-role"
          name="role"
          defaultValue={roles.some((r) => r.value === state.values?.role) ? state.values?.role : roles[0]?.value}
          aria-invalid={state.fields?.role ? true : undefined}
          aria-describedby={state.fields?.role ? "invite-role-error" : undefined}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-500"
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        {state.fields?.role && (
          <p id="invite-role-error" className="mt-1 text-sm text-red-600" role="alert">
            {state.fields.role.join("; ")}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("invite")}
      </button>
    </form>
  );
}
