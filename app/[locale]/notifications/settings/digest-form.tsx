"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { updateEmailDigestAction } from "../actions";

const OPTIONS = ["IMMEDIATE", "DAILY", "WEEKLY", "OFF"] as const;

export function DigestForm({ locale, current }: { locale: string; current: (typeof OPTIONS)[number] }) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState(updateEmailDigestAction.bind(null, locale), idleState);
  const selected = state.values?.emailDigest ?? current;
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : state.status === "success" ? t("saved") : undefined} />
      <fieldset className="mb-4">
        <legend className="mb-2 text-sm font-medium">{t("emailDigest")}</legend>
        {OPTIONS.map((o) => (
          <label key={o} className="mb-1 flex items-center gap-2">
            <input type="radio" name="emailDigest" value={o} defaultChecked={selected === o} />
            {t(o)}
          </label>
        ))}
        {state.fields?.emailDigest && (
          <p className="text-sm text-red-600" role="alert">
            {state.fields.emailDigest.join("; ")}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
