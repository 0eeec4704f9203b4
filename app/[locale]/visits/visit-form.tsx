"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { createVisitAction } from "./actions";

export function VisitForm({ locale, companies }: { locale: string; companies: { id: string; name: string }[] }) {
  const t = useTranslations("visit");
  const tf = useTranslations("form");
  const [state, action, pending] = useActionState(createVisitAction.bind(null, locale), idleState);
  const v = state.values ?? {};
  const f = state.fields ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <div className="mb-4">
        <label htmlFor="organisationId" className="block text-sm font-medium">
          {t("company")}
        </label>
        <select
          id="organisationId"
          name="organisationId"
          defaultValue={v.organisationId}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        >
          <option value="">—</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {f.organisationId && (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {f.organisationId.join("; ")}
          </p>
        )}
      </div>
      <Field name="visitedOn" type="date" label={t("visitedOn")} defaultValue={v.visitedOn} errors={f.visitedOn} required />
      <Field name="peopleMet" label={t("peopleMet")} hint={t("peopleMetHint")} defaultValue={v.peopleMet} errors={f.peopleMet} required />
      <Field name="notes" label={t("notes")} defaultValue={v.notes} errors={f.notes} multiline required />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="then"
          value="draft"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {pending ? tf("saving") : t("submit")}
        </button>
        <button
          type="submit"
          name="then"
          value="stay"
          disabled={pending}
          className="rounded border border-brand-600 px-4 py-2 text-brand-700 disabled:opacity-60"
        >
          {t("saveOnly")}
        </button>
      </div>
    </form>
  );
}
