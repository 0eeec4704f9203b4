"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState } from "@/lib/forms/form-state";
import { saveSearchAction } from "@/app/[locale]/notifications/actions";

// "Save this search": alerts arrive as notifications when new needs or results match it.
export function SaveSearchForm({ locale, q, type }: { locale: string; q: string; type: "needs" | "results" }) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState(saveSearchAction.bind(null, locale), idleState);
  if (state.status === "success")
    return (
      <p role="status" className="my-3 text-sm text-green-700">
        {t("searchSaved")}
      </p>
    );
  return (
    <form action={action} className="my-3 flex flex-wrap items-end gap-2 text-sm" noValidate>
      <input type="hidden" name="q" value={q} />
      <input type="hidden" name="type" value={type} />
      <label className="flex flex-col">
        <span>{t("searchName")}</span>
        <input
          name="name"
          defaultValue={state.values?.name ?? q.slice(0, 100)}
          aria-invalid={state.fields?.name ? true : undefined}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-brand-600 px-3 py-1 text-brand-700 hover:bg-brand-50 disabled:opacity-60">
        {t("saveSearch")}
      </button>
      {state.status === "error" && (
        <p role="alert" className="w-full text-red-600">
          {[state.message, ...Object.values(state.fields ?? {}).flat()].filter(Boolean).join(" ")}
        </p>
      )}
    </form>
  );
}
