"use client";
import { useActionState, useEffect, useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { idleState } from "@/lib/forms/form-state";
import { signUpAction } from "./actions";

export function SignUpForm({ locale, callbackUrl }: { locale: string; callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signUpAction.bind(null, locale), idleState);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const email = state.status === "success" ? state.data?.email : undefined;

  // Once the account exists, the confirmation is a magic link: clicking it verifies and signs in.
  useEffect(() => {
    if (!email) return;
    // The confirmation link brings the new member back to the page they came from (callbackUrl,
    // checked by the page with safeRedirectPath).
    void signIn("email", { email, redirect: false, callbackUrl }).then(() => setLinkSentTo(email));
  }, [email, callbackUrl]);

  if (linkSentTo)
    return (
      <p role="status" className="rounded bg-green-50 p-3 text-green-800">
        {t("signedUpCheck", { email: linkSentTo })}
      </p>
    );
  const v = state.values ?? {};
  const f = state.fields ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <Field name="name" label={t("name")} defaultValue={v.name} errors={f.name} required autoComplete="name" />
      <Field name="email" type="email" label={t("email")} defaultValue={v.email} errors={f.email} required autoComplete="email" />
      <Field name="password" type="password" label={t("password")} errors={f.password} required autoComplete="new-password" />
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("role")}</legend>
        <label className="mr-4">
          <input type="radio" name="role" value="COMPANY" defaultChecked={v.role !== "RESEARCHER"} /> {t("roleCompany")}
        </label>
        <label>
          <input type="radio" name="role" value="RESEARCHER" defaultChecked={v.role === "RESEARCHER"} /> {t("roleResearcher")}
        </label>
        {f.role && (
          <p className="text-sm text-red-600" role="alert">
            {f.role.join("; ")}
          </p>
        )}
      </fieldset>
      <Field name="organisationName" label={t("orgName")} defaultValue={v.organisationName} errors={f.organisationName} required autoComplete="organization" />
      <div className="mb-4">
        <label htmlFor="organisationKind" className="block text-sm font-medium">
          {t("orgKind")}
        </label>
        <select
          id="organisationKind"
          name="organisationKind"
          defaultValue={v.organisationKind ?? "COMPANY"}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        >
          <option value="COMPANY">{t("kindCompany")}</option>
          <option value="UNIVERSITY">{t("kindUniversity")}</option>
          <option value="TTO">{t("kindTto")}</option>
        </select>
      </div>
      <Field
        name="registrationCode"
        label={t("registrationCode")}
        hint={t("registrationCodeHint")}
        defaultValue={v.registrationCode}
        errors={f.registrationCode}
      />
      <button
        type="submit"
        disabled={pending || Boolean(email)}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("signUp")}
      </button>
      <p className="mt-4 text-sm">
        {t("haveAccount")}{" "}
        <Link href={{ pathname: "/sign-in", query: { callbackUrl } }} className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
