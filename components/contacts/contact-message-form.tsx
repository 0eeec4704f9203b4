"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { contactMessageAction } from "@/app/[locale]/contacts/actions";

export function ContactMessageForm({ locale, contactId }: { locale: string; contactId: string }) {
  const t = useTranslations("contact");
  const [state, action, pending] = useActionState(contactMessageAction.bind(null, locale), idleState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-2" data-testid="contact-reply">
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="contactId" value={contactId} />
      <label htmlFor="contact-body" className="block text-sm font-medium">
        {t("reply")}
      </label>
      <textarea id="contact-body" name="body" rows={3} required className="block w-full rounded border border-slate-300 px-3 py-2" />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("sendReply")}
      </button>
    </form>
  );
}
