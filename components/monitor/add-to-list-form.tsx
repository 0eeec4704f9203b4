"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/field";
import { idleState, type FormState } from "@/lib/forms/form-state";

// Adds the node (and the needs ticked) to one of the analyst's key project lists.
export function AddToListForm({
  action,
  chainNodeId,
  lists,
  needs,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  chainNodeId: string;
  lists: { id: string; title: string }[];
  needs: { id: string; title: string }[];
}) {
  const t = useTranslations("monitor");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-3" data-testid="add-to-list">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="chainNodeId" value={chainNodeId} />
      <label className="block text-sm">
        {t("chooseList")}
        <select name="listId" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5">
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      {needs.length > 0 && (
        <fieldset className="text-sm">
          <legend>{t("needsToAdd")}</legend>
          {needs.map((n) => (
            <label key={n.id} className="mt-1 flex items-start gap-2">
              <input type="checkbox" name="needIds" value={n.id} className="mt-1" />
              <span>{n.title}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="block text-sm">
        {t("annotation")}
        <textarea name="annotation" rows={3} maxLength={2000} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("adding") : t("add")}
      </button>
    </form>
  );
}
