"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { idleState, type FormState } from "@/lib/forms/form-state";

type Action = (prev: FormState<object>, form: FormData) => Promise<FormState<object>>;

/** Annotation of one list item, and its remove / challenge-draft buttons. */
export function KeyItemForms({
  itemId,
  annotation,
  annotate,
  remove,
  draft,
  draftAvailable,
  challengeDraftId,
}: {
  itemId: string;
  annotation: string | null;
  annotate: Action;
  remove: Action;
  draft: Action;
  draftAvailable: boolean;
  challengeDraftId: string | null;
}) {
  const t = useTranslations("monitor");
  const [saved, saveAction, saving] = useActionState(annotate, idleState);
  const [removed, removeAction, removing] = useActionState(remove, idleState);
  const [drafted, draftAction, drafting] = useActionState(draft, idleState);
  const draftId = challengeDraftId ?? (drafted.data as { challengeDraftId?: string } | undefined)?.challengeDraftId ?? null;
  return (
    <div className="space-y-2">
      <form action={saveAction} className="space-y-2" data-testid={`annotate-${itemId}`}>
        <FormMessage status={saved.status} message={saved.message} />
        <input type="hidden" name="itemId" value={itemId} />
        <label className="block text-sm">
          {t("annotation")}
          <textarea
            name="annotation"
            rows={2}
            maxLength={2000}
            defaultValue={annotation ?? ""}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5"
          />
        </label>
        <button
          type="submit"
          disabled={saving}
          className="rounded border border-brand-600 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {saving ? t("saving") : t("save")}
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <form action={removeAction}>
          <FormMessage status={removed.status} message={removed.message} />
          <input type="hidden" name="itemId" value={itemId} />
          <button type="submit" disabled={removing} className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50">
            {t("remove")}
          </button>
        </form>
        {draftId ? (
          <Link href={`/challenges/${draftId}`} className="text-sm text-brand-700 hover:underline" data-testid={`draft-${itemId}`}>
            {t("challengeDraft")} · {t("draftOpen")}
          </Link>
        ) : draftAvailable ? (
          <form action={draftAction} className="space-y-1">
            <FormMessage status={drafted.status} message={drafted.message} />
            <input type="hidden" name="itemId" value={itemId} />
            <button
              type="submit"
              disabled={drafting}
              className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
              data-testid={`to-challenge-${itemId}`}
            >
              {t("toChallenge")}
            </button>
            <p className="text-xs text-slate-500">{t("draftHint")}</p>
          </form>
        ) : null}
      </div>
    </div>
  );
}
