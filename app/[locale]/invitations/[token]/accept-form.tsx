"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { idleState } from "@/lib/forms/form-state";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, locale), idleState);
  if (state.status === "success") {
    return (
      <p role="status" className="rounded bg-green-50 p-3 text-green-800">
        {t("invitationAccepted")}{" "}
        <Link href="/sign-in" className="underline">
          {t("signIn")}
        </Link>
      </p>
    );
  }
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label={t("name")} errors={state.fields?.name} defaultValue={state.values?.name} required autoComplete="name" />
      <Field name="password" type="password" label={t("password")} errors={state.fields?.password} required autoComplete="new-password" />
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("acceptInvitation")}
      </button>
    </form>
  );
}
