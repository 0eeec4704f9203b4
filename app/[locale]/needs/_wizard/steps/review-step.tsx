"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/errors";
import type { NeedDraftState } from "../use-need-draft";
import { NeedPreview } from "./need-preview";

export type ReviewAction = "publish" | "submit" | "saveChanges" | "brokerSave";

const primary = "rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60";

// Step 7: what researchers will see, what still blocks publishing, and the buttons for this
// editor: a broker saves for the company, a company publishes (or asks a broker first), a
// published need saves its changes.
export function ReviewStep({
  draft,
  teaserFields,
  nodeName,
  mode,
  status,
  brokerDrafted,
  pending,
  message,
  fields,
  onAction,
}: {
  draft: NeedDraftState;
  teaserFields: string[];
  nodeName: Map<string, string>;
  mode: "company" | "broker";
  status: string | null;
  brokerDrafted: boolean;
  pending: boolean;
  message: string | null;
  fields: FieldErrors;
  onAction: (action: ReviewAction) => void;
}) {
  const t = useTranslations("wizard");
  return (
    <div>
      <NeedPreview draft={draft.draft} teaserFields={teaserFields} nodeName={nodeName} />
      {message && (
        <div role="alert" className="mt-4 rounded bg-red-50 p-3 text-red-700">
          <p>{message}</p>
          <ul className="list-disc pl-5">
            {Object.entries(fields).map(([k, v]) => (
              <li key={k}>
                {k}: {v.join("; ")}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        {mode === "broker" ? (
          <button type="button" disabled={pending} onClick={() => onAction("brokerSave")} className={primary}>
            {t("brokerSave")}
          </button>
        ) : draft.isDraft ? (
          <>
            <button type="button" disabled={pending} onClick={() => onAction("publish")} className={primary}>
              {brokerDrafted ? t("confirmPublish") : t("publish")}
            </button>
            {status !== "SUBMITTED" && (
              <button type="button" disabled={pending} onClick={() => onAction("submit")} className="rounded border px-4 py-2">
                {t("submitForReview")}
              </button>
            )}
          </>
        ) : (
          <button type="button" disabled={pending} onClick={() => onAction("saveChanges")} className={primary}>
            {t("saveChanges")}
          </button>
        )}
      </div>
      {mode === "broker" && draft.saveState.kind === "saved" && (
        <p role="status" className="mt-3 text-green-700">
          {t("brokerSaved")}
        </p>
      )}
    </div>
  );
}
