"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { createTokenAction } from "./actions";

export function TokenForm({ locale }: { locale: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(createTokenAction.bind(null, locale), idleState);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      {state.status === "success" && state.data?.token && (
        <p role="status" className="mb-4 rounded bg-green-50 p-3 text-green-800">
          {t("tokenCreated")}{" "}
          <code data-testid="new-token" className="break-all">
            {state.data.token}
          </code>
        </p>
      )}
      <Field name="name" label={t("tokenName")} errors={state.fields?.name} required />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("createToken")}
      </button>
    </form>
  );
}
