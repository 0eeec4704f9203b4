"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/field";
import { idleState } from "@/lib/forms/form-state";
import { CONTACT_DECLINE_REASONS } from "@/lib/contacts/reasons";
import { decideContactAction } from "@/app/[locale]/contacts/actions";

// The owner's answer: accept (the thread opens) or decline with a reason code.
export function DecideContactForm({ locale, contactId }: { locale: string; contactId: string }) {
  const t = useTranslations("contact");
  const [accepted, accept, accepting] = useActionState(decideContactAction.bind(null, locale), idleState);
  const [declined, decline, declining] = useActionState(decideContactAction.bind(null, locale), idleState);
  const state = accepted.status !== "idle" ? accepted : declined;
  return (
    <div className="space-y-3" data-testid="decide-contact">
      <FormMessage status={state.status} message={state.message} />
      <form action={accept}>
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="decision" value="ACCEPT" />
        <button type="submit" disabled={accepting || declining} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
          {t("accept")}
        </button>
      </form>
      <form action={decline} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="decision" value="DECLINE" />
        <label className="text-sm">
          <span className="block font-medium">{t("reason")}</span>
          <select name="reasonCode" className="mt-1 rounded border border-slate-300 px-2 py-1.5" defaultValue="NOT_RELEVANT">
            {CONTACT_DECLINE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={accepting || declining}
          className="rounded border border-red-300 px-4 py-2 text-red-700 hover:bg-red-50 disabled:opacity-60"
        >
          {t("decline")}
        </button>
      </form>
    </div>
  );
}
