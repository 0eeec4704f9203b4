"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { Link } from "@/i18n/navigation";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("auth");
  const tl = useTranslations("limits");
  const [message, setMessage] = useState<{ status: "error" | "success"; text: string } | null>(initialError ? { status: "error", text: initialError } : null);
  const [pending, setPending] = useState(false);

  async function withPassword(form: FormData) {
    setPending(true);
    const res = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false });
    setPending(false);
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const text =
      res?.error === "EmailNotVerified"
        ? t("notVerified")
        : res?.error === "StaffRoleLapsed"
          ? t("staffRoleLapsed")
          : res?.error === "AccountLocked"
            ? tl("locked")
            : res?.error === "RateLimited"
              ? tl("rateLimited")
              : t("invalid");
    setMessage({ status: "error", text });
  }

  async function withLink(form: FormData) {
    setPending(true);
    const res = await signIn("email", { email: String(form.get("linkEmail") ?? ""), redirect: false, callbackUrl });
    setPending(false);
    if (res?.error === "RateLimited") {
      setMessage({ status: "error", text: tl("rateLimited") });
      return;
    }
    // Same answer whether or not the account exists: no account enumeration.
    setMessage({ status: "success", text: t("linkSent") });
  }

  return (
    <div>
      <FormMessage status={message?.status ?? "idle"} message={message?.text} />
      <form action={withPassword}>
        <Field name="email" type="email" label={t("email")} required autoComplete="email" />
        <Field name="password" type="password" label={t("password")} required autoComplete="current-password" />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("signIn")}
        </button>
      </form>
      <hr className="my-6" />
      <form action={withLink}>
        <Field name="linkEmail" type="email" label={t("orMagic")} required autoComplete="email" />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {t("sendLink")}
        </button>
      </form>
      <p className="mt-4 text-sm">
        {t("noAccount")}{" "}
        <Link href={{ pathname: "/sign-up", query: { callbackUrl } }} className="text-brand-700 underline" data-testid="sign-up-link">
          {t("signUp")}
        </Link>
      </p>
    </div>
  );
}
