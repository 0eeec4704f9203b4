"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { idleState } from "@/lib/forms/form-state";
import { sendContactAction } from "@/app/[locale]/contacts/actions";

// The short message of "I can help" / "I'm interested", in a drawer under the button (open when
// the visitor came back from signing in with ?contact=1).
export function ContactForm({ locale, target, targetId, open }: { locale: string; target: "need" | "result"; targetId: string; open: boolean }) {
  const t = useTranslations("contact");
  const [state, action, pending] = useActionState(sendContactAction.bind(null, locale), idleState);
  if (state.status === "success")
    return (
      <p role="status" className="rounded bg-green-50 p-3 text-green-800" data-testid="contact-sent">
        {state.message}{" "}
        {state.data?.contactId && (
          <Link href={`/contacts/${state.data.contactId}`} className="underline">
            {t("openRequest")}
          </Link>
        )}
      </p>
    );
  const v = state.values ?? {};
  return (
    <details open={open || state.status === "error"} className="rounded-lg border border-brand-100 bg-white p-4" data-testid="contact-box">
      <summary className="cursor-pointer font-medium text-brand-700">{t(target === "need" ? "offer" : "interest")}</summary>
      <form action={action} noValidate className="mt-3">
        <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="targetId" value={targetId} />
        <Field
          name="message"
          label={t("message")}
          hint={t(target === "need" ? "messageHintNeed" : "messageHintResult")}
          defaultValue={v.message}
          errors={state.fields?.message}
          multiline
          rows={4}
          required
        />
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
          {t("send")}
        </button>
      </form>
    </details>
  );
}
